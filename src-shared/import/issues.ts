import type { ImportIssue } from './contract';
import { MAX_LISTED_ISSUES } from './limits';

/** Row 0 stands for the whole file; the header is row 1. */
export const WHOLE_FILE = 0;
export const HEADER_ROW = 1;

/**
 * Collects the errors and warnings of one preview. Every issue is counted; only the first 1,000 of each (in row
 * order) are listed, so a file where every row is wrong still gives a small answer.
 */
export class IssueLog {
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly rowsWithErrors = new Set<number>();

  error(row: number, field: string, message: string): void {
    this.errors.push({ row, field, message });
    this.rowsWithErrors.add(row);
  }

  warning(row: number, field: string, message: string): void {
    this.warnings.push({ row, field, message });
  }

  hasErrors(row: number): boolean {
    return this.rowsWithErrors.has(row);
  }

  /** Data rows (not the header, not the whole file) that cannot be imported. */
  invalidRowCount(): number {
    let count = 0;
    for (const row of this.rowsWithErrors) if (row > HEADER_ROW) count += 1;
    return count;
  }

  summary(): { errorCount: number; errors: ImportIssue[]; warningCount: number; warnings: ImportIssue[] } {
    return {
      errorCount: this.errors.length,
      errors: firstInRowOrder(this.errors),
      warningCount: this.warnings.length,
      warnings: firstInRowOrder(this.warnings),
    };
  }
}

/** Array.prototype.sort is stable, so issues of one row keep the order they were found in (column order). */
function firstInRowOrder(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_ISSUES);
}
