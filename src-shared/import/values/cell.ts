/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text as the importer uses it: surrounding spaces removed, and the apostrophe Custodian's own CSV export
 * puts before a value starting with = + - @ (so a spreadsheet never runs it as a formula) taken off again, so an
 * export imports back unchanged (a phone number "+44…" stays "+44…").
 */
export function cellText(raw: string | undefined): string {
  if (raw === undefined) return '';
  const unescaped = raw.startsWith("'") && FORMULA_START.test(raw.slice(1)) ? raw.slice(1) : raw;
  return unescaped.trim();
}

/** How a person's wording of a choice ("Line Manager", "line_manager", "LINE-MANAGER") is compared. */
export function choiceKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
