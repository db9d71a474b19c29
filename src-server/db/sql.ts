/**
 * Builds a parameter list alongside SQL text: `params.add(value)` returns the placeholder ($1, $2, …) to put in
 * the SQL, so values are always bound and placeholders can never drift from their values.
 */
export class SqlParams {
  private readonly list: unknown[] = [];

  add(value: unknown): string {
    this.list.push(value);
    return `$${String(this.list.length)}`;
  }

  get values(): readonly unknown[] {
    return this.list;
  }
}

/** Joins conditions with AND; no conditions means every row. */
export function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'TRUE' : conditions.map((c) => `(${c})`).join(' AND ');
}
