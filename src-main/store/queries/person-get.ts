import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListRow } from '../../../src-shared/api/asset-queries';
import type { PersonDetail, PersonSummary } from '../../../src-shared/api/person-queries';
import type { PersonRow } from '../../../src-shared/domain/person';
import { CURRENT_AUP_VERSION, trainingLapsed } from '../../../src-shared/domain/policy';
import { DomainError } from '../../../src-shared/result';
import { decodeRow } from '../json-fields';
import { ASSET_LIST_COLUMNS, selectColumns } from './columns';

const SUMMARY = 'id, staff_number AS "staffNumber", name, email, status';

/** A person's page: who they are, whom they report to and who reports to them, what they hold, AUP and training. */
export function personGet(db: Database, { id }: { id: string }, now: string): PersonDetail {
  const person = decodeRow('people', prepared(db, `SELECT ${selectColumns('people', 'p')} FROM people p WHERE p.id = ?`).get(id)) as PersonRow | undefined;
  if (!person) throw new DomainError('not_found', 'That person is not in the directory');
  const lineManager =
    person.lineManagerId === null ? null : ((prepared(db, `SELECT ${SUMMARY} FROM people WHERE id = ?`).get(person.lineManagerId) as PersonSummary | undefined) ?? null);
  const reports = prepared(db, `SELECT ${SUMMARY} FROM people WHERE line_manager_id = ? ORDER BY name`).all(id) as PersonSummary[];
  const holdings = prepared(db, `SELECT ${ASSET_LIST_COLUMNS} FROM assets a LEFT JOIN people h ON h.id = a.holder_id WHERE a.holder_id = ? ORDER BY a.asset_tag`)
    .all(id) as AssetListRow[];
  const latest = prepared(db, 'SELECT policy_version AS version, acknowledged_at AS at FROM aup_acknowledgements WHERE person_id = ? ORDER BY acknowledged_at DESC, rowid DESC LIMIT 1')
    .get(id) as { version: string; at: string } | undefined;
  return {
    person,
    lineManager,
    reports,
    holdings,
    aup: {
      currentVersion: CURRENT_AUP_VERSION,
      acknowledgedVersion: latest?.version ?? null,
      acknowledgedAt: latest?.at ?? null,
      upToDate: latest?.version === CURRENT_AUP_VERSION,
    },
    trainingLapsed: trainingLapsed(person.trainingCompletedOn, now),
  };
}
