import type { PersonStatus } from '../../domain/roles';

/** A person already in the directory, as the importer needs to know them. */
export interface PersonRef {
  readonly id: string;
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string;
  readonly status: PersonStatus;
}

/**
 * How a row names another person (a holder, a line manager): by staff number, email or name. Custodian's template
 * uses staff numbers only; Snipe-IT writes a full name (and sometimes an employee number or email beside it).
 */
export interface PersonReference {
  readonly staffNumber: string | null;
  readonly email: string | null;
  readonly name: string | null;
  /** What the file says, for messages. */
  readonly text: string;
  readonly column: string;
}

export const staffKey = (text: string): string => text.trim().toUpperCase();
export const emailKey = (text: string): string => text.trim().toLowerCase();
export const nameKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A reference from a free-text cell (Snipe-IT's "Checked Out To", "Manager"): any of the three forms may match. */
export function freeTextReference(text: string, column: string): PersonReference {
  return {
    staffNumber: /\s/.test(text) ? null : staffKey(text),
    email: text.includes('@') ? emailKey(text) : null,
    name: nameKey(text),
    text,
    column,
  };
}

export function staffNumberReference(text: string, column: string): PersonReference {
  return { staffNumber: staffKey(text), email: null, name: null, text, column };
}

export type Resolution<T> = { readonly kind: 'found'; readonly person: T } | { readonly kind: 'missing' } | { readonly kind: 'ambiguous'; readonly count: number };

/** People by staff number, email and name, so a reference resolves the same way against the file or the directory. */
export class PeopleIndex<T> {
  private readonly byStaff = new Map<string, T>();
  private readonly byEmail = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();

  /** The first person with a key keeps it: later duplicates are errors of their own rows. */
  add(person: T, keys: { staffNumber: string | null; email: string | null; name: string | null }): void {
    if (keys.staffNumber !== null && !this.byStaff.has(keys.staffNumber)) this.byStaff.set(keys.staffNumber, person);
    if (keys.email !== null && !this.byEmail.has(keys.email)) this.byEmail.set(keys.email, person);
    if (keys.name !== null) {
      const named = this.byName.get(keys.name);
      if (named) named.push(person);
      else this.byName.set(keys.name, [person]);
    }
  }

  /** Staff number first (unique), then email (unique), then name (must be unique). */
  resolve(reference: PersonReference): Resolution<T> {
    const byStaff = reference.staffNumber === null ? undefined : this.byStaff.get(reference.staffNumber);
    if (byStaff !== undefined) return { kind: 'found', person: byStaff };
    const byEmail = reference.email === null ? undefined : this.byEmail.get(reference.email);
    if (byEmail !== undefined) return { kind: 'found', person: byEmail };
    const named = reference.name === null ? [] : (this.byName.get(reference.name) ?? []);
    if (named.length === 1 && named[0] !== undefined) return { kind: 'found', person: named[0] };
    return named.length > 1 ? { kind: 'ambiguous', count: named.length } : { kind: 'missing' };
  }
}

/** The set-based look-ups a preview makes against the store: a few queries for the whole file, never one per row. */
export interface ImportLookup {
  /** Which of these (upper-cased) asset tags are already in the register. */
  assetTagsInUse(tags: readonly string[]): ReadonlySet<string>;
  /** Which of these (upper-cased) serial numbers are already in the register, with the asset tag that has each. */
  serialsInUse(serials: readonly string[]): ReadonlyMap<string, string>;
  /** People by upper-cased staff number. */
  peopleByStaffNumber(staffNumbers: readonly string[]): ReadonlyMap<string, PersonRef>;
  /** People by lower-cased email. */
  peopleByEmail(emails: readonly string[]): ReadonlyMap<string, PersonRef>;
  /** People by name (nameKey); several people can share a name. */
  peopleByName(names: readonly string[]): ReadonlyMap<string, readonly PersonRef[]>;
}

/** Loads, in three queries, everyone the references could mean, into an index that resolves them. */
export function directoryIndex(lookup: ImportLookup, references: readonly PersonReference[]): PeopleIndex<PersonRef> {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
  const index = new PeopleIndex<PersonRef>();
  const add = (person: PersonRef) => index.add(person, { staffNumber: staffKey(person.staffNumber), email: emailKey(person.email), name: nameKey(person.name) });
  const seen = new Set<string>();
  const addOnce = (person: PersonRef) => {
    if (seen.has(person.id)) return;
    seen.add(person.id);
    add(person);
  };
  for (const person of lookup.peopleByStaffNumber(distinct(references.map((r) => r.staffNumber))).values()) addOnce(person);
  for (const person of lookup.peopleByEmail(distinct(references.map((r) => r.email))).values()) addOnce(person);
  for (const people of lookup.peopleByName(distinct(references.map((r) => r.name))).values()) for (const person of people) addOnce(person);
  return index;
}
