import type { Database } from 'better-sqlite3';
import type { IncidentList, IncidentListItem } from '../../../../src-shared/api/incident-queries';
import { suspensionOverdue } from '../../../../src-shared/domain/phone-suspension';
import { prepared } from '../../prepared';
import { ageHours } from './age';

interface ListInput {
  readonly status: 'open' | 'closed' | 'all';
  readonly lineManagerId?: string;
  readonly assetId?: string;
  readonly limit: number;
}

type Row = Omit<IncidentListItem, 'ageHours' | 'suspensionOverdue'> & { suspendedAt: string | null; requestedAt: string | null };

const WHERE = `WHERE (@status = 'all' OR i.status = @status)
   AND (@lineManagerId IS NULL OR i.line_manager_id = @lineManagerId)
   AND (@assetId IS NULL OR i.asset_id = @assetId)`;

/**
 * Security incidents, oldest first, with their age and whether a phone has gone unsuspended too long: the security
 * team's list (all open), a line manager's queue (their reports'), an asset's incidents. The desktop holds only what
 * its user may see, so no filter by user is needed here.
 */
export function listIncidents(db: Database, input: ListInput, now: string): IncidentList {
  const params = { status: input.status, lineManagerId: input.lineManagerId ?? null, assetId: input.assetId ?? null };
  const rows = prepared(
    db,
    `SELECT i.id, i.reference, i.asset_id AS "assetId", i.asset_tag AS "assetTag", i.asset_type AS "assetType", i.kind, i.status,
            i.occurred_on AS "occurredOn", i.opened_at AS "openedAt", i.person_id AS "personId", p.name AS "personName",
            i.line_manager_id AS "lineManagerId", m.name AS "lineManagerName",
            (SELECT COUNT(*) FROM loss_reports r WHERE r.incident_id = i.id) AS "reportCount",
            s.status AS "suspensionStatus", s.suspended_at AS "suspendedAt", s.requested_at AS "requestedAt"
       FROM security_incidents i
       LEFT JOIN people p ON p.id = i.person_id
       LEFT JOIN people m ON m.id = i.line_manager_id
       LEFT JOIN phone_suspensions s ON s.incident_id = i.id
      ${WHERE}
      ORDER BY i.opened_at, i.rowid
      LIMIT @limit`,
  ).all({ ...params, limit: input.limit }) as Row[];
  const items = rows.map(({ suspendedAt, requestedAt, ...row }): IncidentListItem => ({
    ...row,
    ageHours: ageHours(row.openedAt, now),
    suspensionOverdue:
      row.suspensionStatus !== null &&
      suspensionOverdue({ status: row.suspensionStatus, suspendedAt, requestedAt: requestedAt ?? row.openedAt }, row.status === 'open', now),
  }));
  const { total } = prepared(db, `SELECT COUNT(*) AS total FROM security_incidents i ${WHERE}`).get(params) as { total: number };
  return { items, total };
}
