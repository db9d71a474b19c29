import { poundsToPence } from '../../domain/money';

export type ParsedMoney = { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly message: string };

/**
 * An amount in pounds as spreadsheets and Snipe-IT write it: 1299.99, 1,299.99, £1,299.99. Empty means "not given".
 * A negative amount (-5, (5.00), −5) gets its own message, since "not a number" would puzzle the person.
 */
export function parseImportPounds(text: string, label: string): ParsedMoney {
  if (text === '') return { ok: true, value: null };
  const compact = text.replace(/\s+/g, '');
  if (/^[-−(]|^£[-−]/.test(compact)) return { ok: false, message: `The ${label} cannot be negative` };
  const pence = poundsToPence(compact);
  if (pence === null) return { ok: false, message: `Write the ${label} in pounds, like 1299.99 or £1,299.99, not "${text.slice(0, 40)}"` };
  return { ok: true, value: pence };
}
