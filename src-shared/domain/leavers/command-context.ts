import type { PersonStatus } from '../roles';
import type { LeaverActor } from './case-parties';
import type { PersonRef, ReturnCondition } from './checklist-item';
import type { ExitStep } from './exit-steps';

/**
 * What a decision on a case is given besides the case: who acts and when, and the facts of the store it needs, looked
 * up by the caller for the ids the command names (as travel's DeviceFacts are). Nothing here reads a clock or a store.
 */
export interface PersonFacts {
  readonly personId: string;
  readonly name: string;
  readonly status: PersonStatus;
}

/** Where the register says an asset is: for telling someone which case an asset they tried to record belongs to. */
export interface AssetWhereabouts {
  readonly assetId: string;
  readonly assetTag: string;
  /** The holder when it is issued; null otherwise. */
  readonly holderId: string | null;
  readonly holderName: string | null;
}

export interface LeaverCommandContext {
  readonly actor: LeaverActor;
  /** The mutation's moment (ISO), stamped on whatever changes. */
  readonly at: string;
  /** Today's date in the UK (YYYY-MM-DD), worked out by the caller. */
  readonly today: string;
  /** The leaver's line managers, direct manager first (CaseParties). */
  readonly managerChain: readonly PersonRef[];
  /** The people the command names (who received a return, the successor). */
  readonly people: ReadonlyMap<string, PersonFacts>;
  /** The assets the command names, as the register knows them. */
  readonly assets: ReadonlyMap<string, AssetWhereabouts>;
}

/**
 * One command on a case, as the mutators will pass it after parsing their arguments (leaver-args.ts). Text is as typed:
 * the decisions trim it. Money is whole pence.
 */
export type LeaverCommandInput =
  | { readonly command: 'changeLeavingDate'; readonly leavingDate: string; readonly reason: string }
  | {
      readonly command: 'recordReturn';
      readonly assetId: string;
      readonly condition: ReturnCondition;
      readonly conditionNote: string | null;
      readonly receivedById: string;
    }
  | { readonly command: 'recordTransfer'; readonly assetId: string; readonly successorId: string }
  /** No stated value means the register's purchase value. */
  | { readonly command: 'markMissing'; readonly assetId: string; readonly statedValuePence: number | null; readonly note: string | null }
  | { readonly command: 'writeOff'; readonly assetId: string; readonly reason: string }
  /** `assetId` names the credential of a cancel step; null for every other step. */
  | { readonly command: 'completeStep'; readonly step: ExitStep; readonly assetId: string | null; readonly note: string | null }
  | { readonly command: 'markStepNotApplicable'; readonly step: ExitStep; readonly assetId: string | null; readonly reason: string }
  | { readonly command: 'signOff' }
  | { readonly command: 'cancel'; readonly reason: string };
