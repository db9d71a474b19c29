import { PERSON_STATUSES, PERSON_STATUS_VALUES, ROLES, ROLE_VALUES, type PersonStatus, type Role } from '../../domain/roles';
import { choiceKey } from './cell';

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function wordingTable<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Map<string, T> {
  return new Map(values.flatMap((value) => [[choiceKey(value), value] as const, [choiceKey(labels[value]), value] as const]));
}

const ROLE_WORDING = wordingTable(ROLE_VALUES, ROLES);
const STATUS_WORDING = wordingTable(PERSON_STATUS_VALUES, PERSON_STATUSES);
const ROLE_LIST = ROLE_VALUES.join(', ');

/** "line_manager; IT service desk": role keys or labels, separated by semicolons (commas and bars are accepted too). */
export function parseRoles(text: string): Parsed<Role[]> {
  const roles: Role[] = [];
  for (const part of text.split(/[;,|]/)) {
    if (part.trim() === '') continue;
    const role = ROLE_WORDING.get(choiceKey(part));
    if (!role) return { ok: false, message: `Unknown role "${part.trim().slice(0, 40)}": use ${ROLE_LIST}, separated by semicolons` };
    if (!roles.includes(role)) roles.push(role);
  }
  return { ok: true, value: roles };
}

/** Active, leaving or left (key or label, any case); empty means active. */
export function parsePersonStatus(text: string): Parsed<PersonStatus> {
  if (text === '') return { ok: true, value: 'active' };
  const status = STATUS_WORDING.get(choiceKey(text));
  return status ? { ok: true, value: status } : { ok: false, message: `Unknown status "${text.slice(0, 40)}": use active, leaving or left` };
}
