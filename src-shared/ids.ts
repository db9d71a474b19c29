import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

/** Record ids are made by the client (UUIDv7: time-ordered, so inserts stay index-friendly) and never reused. */
export function newId(): string {
  return uuidv7();
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

/** Fixed namespace for ids derived from a mutation's identity (UUIDv5 needs one; the value itself is arbitrary). */
const MUTATION_NAMESPACE = '6f1d3c2a-9b7e-4d5f-8a1c-2e3b4c5d6e7f';

/** The n-th id a mutation makes: the same on every store that runs that mutation. */
export function mutationRecordId(clientId: string, mutationId: number, n: number): string {
  return uuidv5(`${clientId}/${String(mutationId)}/${String(n)}`, MUTATION_NAMESPACE);
}
