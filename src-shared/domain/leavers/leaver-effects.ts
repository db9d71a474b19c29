import type { PersonStatus } from '../roles';
import type { ReturnCondition } from './checklist-item';
import type { LeaverCase } from './leaver-case';

/**
 * What a decision on a case means outside the case, as data: the mutators of the next increment carry each effect out
 * in the same transaction as the case's own writes (and, on the server, the same audit event), so a case and the
 * register or the directory never disagree. Nothing here writes; the decision only says what must happen.
 */
export type LeaverEffect =
  /** openCase: "leaving"; cancel: back to "active"; signOff: "left" (a person who has left holds nothing). */
  | { readonly kind: 'setPersonStatus'; readonly personId: string; readonly status: PersonStatus }
  /**
   * signOff: the leaver's account is disabled on the central API and every session revoked at once, so their desktop's
   * next sync is refused (account_disabled) and it clears their local data, as for any disabled account.
   */
  | { readonly kind: 'disableAccount'; readonly personId: string; readonly revokeAllSessions: true }
  /**
   * recordReturn: the asset comes back into the register (asset lifecycle `return`), its condition in the asset event
   * for the desk to triage; when it had been marked missing (and so lost), its recovery instead.
   */
  | { readonly kind: 'returnAsset'; readonly assetId: string; readonly condition: ReturnCondition; readonly wasMissing: boolean }
  /**
   * recordTransfer: the holder changes straight from the leaver to the successor and the asset stays issued: it never
   * passes through stock. When it had been marked missing, it is recovered to the successor.
   */
  | { readonly kind: 'reassignAsset'; readonly assetId: string; readonly fromPersonId: string; readonly toPersonId: string; readonly wasMissing: boolean }
  /**
   * markMissing: the asset is marked lost and, as for any loss, logged as a security incident (AUP 8.2): it may hold
   * department data. The value is what cost recovery pursues (AUP 8.4).
   */
  | { readonly kind: 'reportMissingAsset'; readonly assetId: string; readonly valuePence: number }
  /**
   * writeOff: no cost recovery. An asset still issued is marked lost with the reason, as it is out of the department's
   * custody all the same; one already marked missing stays lost and its recovery is dropped.
   */
  | { readonly kind: 'writeOffAsset'; readonly assetId: string; readonly reason: string; readonly wasMissing: boolean };

export interface LeaverOutcome {
  readonly leaverCase: LeaverCase;
  readonly effects: readonly LeaverEffect[];
}
