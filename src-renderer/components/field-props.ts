import type { UseFormRegisterReturn } from 'react-hook-form';

/** What every form field component needs from the form: its id, react-hook-form binding and current error. */
export interface BoundField {
  readonly id: string;
  readonly registration: UseFormRegisterReturn;
  readonly error: string | undefined;
}

/** The ids a field's aria-describedby points at: its hint and its error message, when shown. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error === undefined ? null : `${id}-error`].filter((value) => value !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
