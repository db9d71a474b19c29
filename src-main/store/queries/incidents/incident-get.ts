import type { Database } from 'better-sqlite3';
import type { AssetListRow } from '../../../../src-shared/api/asset-queries';
import type { IncidentDetail, IncidentReportEntry, IncidentTimelineEntry } from '../../../../src-shared/api/incident-queries';
import { stepsFrom, suspensionOverdue, type PhoneSuspensionRow } from '../../../../src-shared/domain/phone-suspension';
import { DomainError } from '../../../../src-shared/result';
import { prepared } from '../../prepared';
import { ASSET_LIST_COLUMNS, selectColumns } from '../columns';
import { ageHours } from './age';

function incidentIdOf(db: Database, input: { id: string } | { reportId: string }): string {
  if ('id' in input) return input.id;
  const found = prepared(db, 'SELECT incident_id AS id FROM loss_reports WHERE id = ?').get(input.reportId) as { id: string } | undefined;
  if (!found) throw new DomainError('not_found', 'That report is not on this desktop');
  return found.id;
}

/** One incident's page: the incident, the asset, every report of it, the phone suspension and the timeline. */
export function incidentGet(db: Database, input: { id: string } | { reportId: string }, now: string): IncidentDetail {
  const id = incidentIdOf(db, input);
  const incident = prepared(
    db,
    `SELECT ${selectColumns('security_incidents', 'i')}, p.name AS "personName", m.name AS "lineManagerName", c.name AS "closedByName",
            r.asset_tag AS "replacementAssetTag"
       FROM security_incidents i
       LEFT JOIN people p ON p.id = i.person_id
       LEFT JOIN people m ON m.id = i.line_manager_id
       LEFT JOIN people c ON c.id = i.closed_by
       LEFT JOIN assets r ON r.id = i.replacement_asset_id
      WHERE i.id = ?`,
  ).get(id) as IncidentDetail['incident'] | undefined;
  if (!incident) throw new DomainError('not_found', 'That security incident is not on this desktop');
  const asset =
    (prepared(db, `SELECT ${ASSET_LIST_COLUMNS} FROM assets a LEFT JOIN people h ON h.id = a.holder_id WHERE a.id = ?`).get(incident.assetId) as
      | AssetListRow
      | undefined) ?? null;
  const reports = prepared(
    db,
    `SELECT ${selectColumns('loss_reports', 'r')}, p.name AS "reporterName"
       FROM loss_reports r LEFT JOIN people p ON p.id = r.reported_by
      WHERE r.incident_id = ? ORDER BY r.reported_at, r.rowid`,
  ).all(id) as IncidentReportEntry[];
  const suspension =
    (prepared(db, `SELECT ${selectColumns('phone_suspensions', 's')} FROM phone_suspensions s WHERE s.incident_id = ?`).get(id) as
      | PhoneSuspensionRow
      | undefined) ?? null;
  const timeline = prepared(
    db,
    `SELECT ${selectColumns('incident_events', 'e')}, p.name AS "actorName"
       FROM incident_events e LEFT JOIN people p ON p.id = e.actor_id
      WHERE e.incident_id = ? ORDER BY e.at DESC, e.rowid DESC`,
  ).all(id) as IncidentTimelineEntry[];
  return {
    incident,
    asset,
    reports,
    suspension,
    suspensionSteps: suspension === null ? [] : stepsFrom(suspension.status),
    suspensionOverdue: suspension !== null && suspensionOverdue(suspension, incident.status === 'open', now),
    timeline,
    ageHours: ageHours(incident.openedAt, now),
  };
}
