import { z } from 'zod';
import { ASSET_STATUSES, ASSET_TRANSITIONS, canApply, describeMoment, FINAL_STATUSES, type AssetCommand, type AssetStatus } from '../../../src-shared/domain/asset-lifecycle';
import { DomainError } from '../../../src-shared/result';
import { invalidInput } from '../../../src-shared/validation';
import type { SyncRowStore } from '../write/row-store';

/** Why a pushed mutation was refused for good: an error code (src-shared ErrorCode) and a message for people. */
export interface RejectionReason {
  readonly code: string;
  readonly message: string;
}

/** Words our messages start with that are not names, so "Not applied: cannot issue …" reads as one sentence. */
const COMMON_OPENERS = /^(Cannot|The|That|This|Another|Asset|Imported|Staff|Email|Only|Choose|Enter|Give|Say|Select|Each|Your|You|A|An|No)\b/;

function notApplied(message: string): string {
  const sentence = COMMON_OPENERS.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return `Not applied: ${sentence}`;
}

const DATABASE_REFUSALS: Readonly<Record<string, RejectionReason>> = {
  '23505': { code: 'conflict', message: 'another record already has one of these values' },
  '23503': { code: 'conflict', message: 'it refers to a record that is not in the register or directory' },
  '23514': { code: 'invalid_input', message: 'a value breaks a rule of the register' },
  '23502': { code: 'invalid_input', message: 'a required value is missing' },
};

/** A database refusal (the constraints behind the mutators' own checks), worded without quoting stored values. */
function databaseRefusal(error: unknown): RejectionReason | undefined {
  const state = (error as { code?: unknown } | null)?.code;
  if (typeof state !== 'string' || !/^[0-9A-Z]{5}$/.test(state)) return undefined;
  const known = DATABASE_REFUSALS[state] ?? (state.startsWith('22') ? { code: 'invalid_input', message: 'a value could not be stored' } : undefined);
  return known ? { code: known.code, message: `Not applied: ${known.message}` } : undefined;
}

function lifecycleCommand(name: string): AssetCommand | undefined {
  if (name === 'asset.returnMany') return 'return';
  const command = name.startsWith('asset.') ? name.slice('asset.'.length) : '';
  return Object.hasOwn(ASSET_TRANSITIONS, command) ? (command as AssetCommand) : undefined;
}

function assetIdsOf(args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const { assetId, assetIds } = args as { assetId?: unknown; assetIds?: unknown };
  if (typeof assetId === 'string') return [assetId];
  return Array.isArray(assetIds) ? assetIds.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * A lifecycle refusal told as the server sees the asset now, with who holds it: "Not applied: cannot issue LT-00012:
 * it is issued to Alice Smith (set by Bob Jones on 15 Mar 2026 at 14:02)". The mutator's own message says the same
 * without the holder (the desktop may not know them).
 */
async function lifecycleRefusal(name: string, args: unknown, store: SyncRowStore): Promise<string | undefined> {
  const command = lifecycleCommand(name);
  if (command === undefined) return undefined;
  for (const assetId of assetIdsOf(args)) {
    const asset = await store.get('assets', assetId);
    const status = asset?.status as AssetStatus | undefined;
    if (!asset || status === undefined || canApply(command, status)) continue;
    const holder = typeof asset.holderId === 'string' ? await store.get('people', asset.holderId) : undefined;
    const setBy = typeof asset.statusChangedBy === 'string' ? await store.get('people', asset.statusChangedBy) : undefined;
    const to = status === 'issued' && holder ? ` to ${String(holder.name)}` : '';
    const final = FINAL_STATUSES.includes(status) ? ', which is final' : '';
    const by =
      typeof asset.statusChangedBy !== 'string' ? '' : setBy ? ` by ${String(setBy.name)}` : ' by an account no longer in the directory';
    return (
      `Not applied: cannot ${ASSET_TRANSITIONS[command].verb} ${String(asset.assetTag)}: it is ${ASSET_STATUSES[status].toLowerCase()}${to}${final} ` +
      `(set${by} on ${describeMoment(String(asset.statusChangedAt))})`
    );
  }
  return undefined;
}

/**
 * Turns whatever refused a mutation into the rejection stored for its client and shown to its user. Unexpected
 * errors become `internal` (logged by the caller): the mutation is still rejected, so one bad change never blocks the
 * client's queue.
 */
export async function describeRejection(error: unknown, name: string, args: unknown, store: SyncRowStore): Promise<RejectionReason> {
  if (error instanceof z.ZodError) {
    const problem = invalidInput(error, 'The change');
    return { code: problem.code, message: notApplied(problem.message) };
  }
  if (error instanceof DomainError) {
    if (error.code === 'conflict') {
      const lifecycle = await lifecycleRefusal(name, args, store);
      if (lifecycle !== undefined) return { code: 'conflict', message: lifecycle };
    }
    return { code: error.code, message: notApplied(error.message) };
  }
  return (
    databaseRefusal(error) ?? {
      code: 'internal',
      message: 'Not applied: the server could not apply this change because of a fault on the server. The IT service desk can see the details.',
    }
  );
}
