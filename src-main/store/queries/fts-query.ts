/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix ("lt-00 smi" finds LT-0042 held by
 * Smith). Each word is quoted, so FTS syntax characters typed by a person are searched for, never interpreted.
 * Returns null when nothing searchable was typed.
 */
export function ftsPrefixQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/["*^:(){}]/g, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
