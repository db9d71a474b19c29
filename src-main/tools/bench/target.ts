/** A benchmark target from an issue: a limit, and whether lower or higher figures are better. */
export interface Target {
  readonly limit: number;
  readonly better: 'lower' | 'higher';
}

/** Does `value` meet the target? */
export function meets(target: Target, value: number): boolean {
  return target.better === 'lower' ? value <= target.limit : value >= target.limit;
}
