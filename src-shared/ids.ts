import { v7 as uuidv7, validate, version } from 'uuid';

/** Record ids are made by the client (UUIDv7: time-ordered, so inserts stay index-friendly) and never reused. */
export function newId(): string {
  return uuidv7();
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}
