import type { Database } from 'better-sqlite3';
import type { SuspensionQueue, SuspensionQueueItem } from '../../../../src-shared/api/incident-queries';
import { suspensionOverdue } from '../../../../src-shared/domain/phone-suspension';
import { prepared } from '../../prepared';
import { ageHours } from './age';

type Row = Omit<SuspensionQueueItem, 'ageHours' | 'overdue'> & { suspendedAt: string | null; incidentStatus: 'open' | 'closed' };

/** Requests still in the queue: everything not yet reinstated, except a confirmed wipe whose incident is closed. */
const IN_QUEUE = `WHERE s.status <> 'reinstated' AND NOT (s.status = 'wipe_confirmed' AND i.status = 'closed')`;

/**
 * The IT service desk's phone suspension queue (AUP 8.2): what is waiting for the desk first (a suspension or a wipe
 * asked for), then what is suspended or wiped, each oldest first.
 */
export function suspensionQueue(db: Database, { limit }: { limit: number }, now: string): SuspensionQueue {
  const rows = prepared(
    db,
    `SELECT s.id, s.status, s.requested_at AS "requestedAt", s.status_changed_at AS "statusChangedAt", s.carrier_reference AS "carrierReference",
            s.suspended_at AS "suspendedAt", i.id AS "incidentId", i.reference, i.status AS "incidentStatus", i.asset_tag AS "assetTag",
            a.model, a.phone_number AS "phoneNumber", a.imei, p.name AS "personName"
       FROM phone_suspensions s
       JOIN security_incidents i ON i.id = s.incident_id
       LEFT JOIN assets a ON a.id = s.asset_id
       LEFT JOIN people p ON p.id = s.person_id
      ${IN_QUEUE}
      ORDER BY CASE WHEN s.status IN ('requested', 'wipe_requested') THEN 0 ELSE 1 END, s.requested_at, s.rowid
      LIMIT ?`,
  ).all(limit) as Row[];
  const items = rows.map(({ suspendedAt, incidentStatus, ...row }): SuspensionQueueItem => ({
    ...row,
    ageHours: ageHours(row.requestedAt, now),
    overdue: suspensionOverdue({ status: row.status, suspendedAt, requestedAt: row.requestedAt }, incidentStatus === 'open', now),
  }));
  const { total } = prepared(db, `SELECT COUNT(*) AS total FROM phone_suspensions s JOIN security_incidents i ON i.id = s.incident_id ${IN_QUEUE}`).get() as {
    total: number;
  };
  return { items, total };
}
