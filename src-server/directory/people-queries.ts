import type { Actor } from '../../src-shared/auth/actor';
import type { PersonStatus, Role } from '../../src-shared/domain/roles';
import { ROLE_VALUES } from '../../src-shared/domain/roles';
import { visibleCondition } from '../authz/sql-scope';
import type { Queryable } from '../db/database';
import { keysetPage, type KeysetPage, type PageRequest } from '../db/keyset-page';
import { isoTime } from '../db/rows';
import { SqlParams, where } from '../db/sql';
import type { PersonFilters, PersonView } from './person-schema';

interface PersonDbRow {
  id: string;
  staff_number: string;
  name: string;
  email: string;
  line_manager_id: string | null;
  roles: string[];
  status: PersonStatus;
  training_completed_on: string | null;
  created_at: unknown;
  updated_at: unknown;
}

const SELECT_PEOPLE = `SELECT p.id::text AS id, p.staff_number, p.name, p.email, p.line_manager_id::text AS line_manager_id, p.roles, p.status,
       p.training_completed_on::text AS training_completed_on, p.created_at, p.updated_at
  FROM people p`;

function toView(row: PersonDbRow): PersonView {
  return {
    id: row.id,
    staffNumber: row.staff_number,
    name: row.name,
    email: row.email,
    lineManagerId: row.line_manager_id,
    roles: ROLE_VALUES.filter((role: Role) => row.roles.includes(role)),
    status: row.status,
    trainingCompletedOn: row.training_completed_on,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** People the actor may see, filtered and paged by id. The visibility condition is part of the query. */
export async function listPeople(db: Queryable, actor: Actor, filters: Omit<PersonFilters, keyof PageRequest>, page: PageRequest): Promise<KeysetPage<PersonView>> {
  const params = new SqlParams();
  const conditions = [visibleCondition(actor, 'person', 'p.id', params)];
  if (filters.status !== undefined) conditions.push(`p.status = ${params.add(filters.status)}`);
  if (filters.role !== undefined) conditions.push(`${params.add(filters.role)} = ANY (p.roles)`);
  if (filters.lineManagerId !== undefined) conditions.push(`p.line_manager_id = ${params.add(filters.lineManagerId)}::uuid`);
  if (filters.email !== undefined) conditions.push(`p.email = ${params.add(filters.email)}`);
  if (filters.staffNumber !== undefined) conditions.push(`p.staff_number = ${params.add(filters.staffNumber)}`);
  if (page.after !== undefined) conditions.push(`p.id > ${params.add(page.after)}::uuid`);
  return keysetPage(db, `${SELECT_PEOPLE} WHERE ${where(conditions)} ORDER BY p.id`, params, page.limit, toView);
}

/** One person, if the actor may see them; undefined both when they do not exist and when they are out of sight. */
export async function getPerson(db: Queryable, actor: Actor, personId: string): Promise<PersonView | undefined> {
  const params = new SqlParams();
  const conditions = [`p.id = ${params.add(personId)}::uuid`, visibleCondition(actor, 'person', 'p.id', params)];
  const { rows } = await db.query<PersonDbRow>(`${SELECT_PEOPLE} WHERE ${where(conditions)}`, params.values);
  const row = rows[0];
  return row ? toView(row) : undefined;
}
