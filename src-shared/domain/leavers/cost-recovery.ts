import type { AssetType } from '../asset';
import type { AssetItem } from './checklist-item';
import type { CaseStatus } from './case-lifecycle';
import type { LeaverCase } from './leaver-case';

/**
 * The cost recovery summary for the leaver's record (AUP 8.4: "Failure to return equipment could lead to steps being
 * taken to recover the cost"): what is missing, with the value to recover and the total, and what was written off, for
 * the record but not recovered. Data only: the PDF of the next increment lays it out. It can be drawn at any time, and
 * says whether it is final (the case signed off) so a draft is never mistaken for the record.
 */

interface SummaryLine {
  readonly assetId: string;
  readonly assetTag: string;
  readonly assetType: AssetType;
  readonly model: string;
  /** Who recorded the outcome, and when. */
  readonly recordedByName: string | null;
  readonly recordedAt: string;
}

export interface MissingLine extends SummaryLine {
  readonly valuePence: number;
  readonly valueSource: 'register' | 'stated';
  readonly note: string | null;
}

export interface WrittenOffLine extends SummaryLine {
  readonly reason: string;
  /** The register's value, for the record: not recovered. */
  readonly registerValuePence: number | null;
}

export interface CostRecoverySummary {
  readonly caseId: string;
  readonly personId: string;
  readonly personName: string;
  readonly leavingDate: string;
  readonly caseStatus: CaseStatus;
  readonly final: boolean;
  /** By asset tag. */
  readonly missing: readonly MissingLine[];
  /** Whole pence: the sum of the missing items' values. */
  readonly totalPence: number;
  readonly writtenOff: readonly WrittenOffLine[];
}

function line(item: AssetItem): SummaryLine {
  return { assetId: item.assetId, assetTag: item.assetTag, assetType: item.assetType, model: item.model, recordedByName: item.stateSetByName, recordedAt: item.stateSetAt };
}

function byTag(a: SummaryLine, b: SummaryLine): number {
  return a.assetTag < b.assetTag ? -1 : a.assetTag > b.assetTag ? 1 : 0;
}

export function costRecoverySummary(leaverCase: LeaverCase): CostRecoverySummary {
  const missing: MissingLine[] = [];
  const writtenOff: WrittenOffLine[] = [];
  for (const item of leaverCase.items) {
    if (item.kind !== 'asset') continue;
    const resolution = item.resolution;
    if (resolution?.kind === 'missing') missing.push({ ...line(item), valuePence: resolution.valuePence, valueSource: resolution.valueSource, note: resolution.note });
    if (resolution?.kind === 'written_off') writtenOff.push({ ...line(item), reason: resolution.reason, registerValuePence: item.valuePence });
  }
  missing.sort(byTag);
  writtenOff.sort(byTag);
  return {
    caseId: leaverCase.id,
    personId: leaverCase.personId,
    personName: leaverCase.personName,
    leavingDate: leaverCase.leavingDate,
    caseStatus: leaverCase.status,
    final: leaverCase.status === 'signed_off',
    missing,
    totalPence: missing.reduce((sum, item) => sum + item.valuePence, 0),
    writtenOff,
  };
}
