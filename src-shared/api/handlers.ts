import { z } from 'zod';
import type { Mutator } from '../mutators/define';
import { mutators } from '../mutators/registry';
import type { AssetDetail, AssetListRow, AssetPage } from './asset-queries';
import { assetGetInput, assetPageInput, assetSearchInput } from './asset-queries';
import type { PersonDetail, PersonSummary } from './person-queries';
import { personGetInput, personSearchInput } from './person-queries';
import type { AppInfo, AssetListItem, MutationReceipt, Page, PersonListItem } from './queries';
import { pageInput } from './queries';

/** A phantom marker carrying a handler's result type; it has no runtime value. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T exists only to be carried to callers
function returns<T>(): T {
  return undefined as T;
}

interface QueryOptions {
  /**
   * Answered at once, not queued behind store calls: only for queries that never touch the store (the progress of
   * a running import, which holds the store until it ends).
   */
  readonly concurrent?: boolean;
}

function query<Input extends z.ZodType, Output>(input: Input, result: Output, options: QueryOptions = {}) {
  return { kind: 'query' as const, input, result, concurrent: options.concurrent ?? false };
}

function mutation<Name extends string, Args extends z.ZodType>(mutator: Mutator<Name, Args>) {
  return { kind: 'mutation' as const, input: mutator.args, result: returns<MutationReceipt>(), concurrent: false };
}

/**
 * THE handler table: every renderer → main call, by method name, with its zod input schema and result type.
 * Served unchanged over Electron IPC and over the loopback web shell, so the UI never knows which it talks to.
 * Mutation methods are the mutators themselves, so a write can only ever be a named, intent-level mutator.
 */
export const handlers = {
  'app.info': query(z.strictObject({}), returns<AppInfo>()),
  'asset.list': query(pageInput, returns<Page<AssetListItem>>()),
  'asset.page': query(assetPageInput, returns<AssetPage>()),
  'asset.search': query(assetSearchInput, returns<readonly AssetListRow[]>()),
  'asset.get': query(assetGetInput, returns<AssetDetail>()),
  'person.list': query(pageInput, returns<Page<PersonListItem>>()),
  'person.search': query(personSearchInput, returns<readonly PersonSummary[]>()),
  'person.get': query(personGetInput, returns<PersonDetail>()),
  'asset.create': mutation(mutators['asset.create']),
  'asset.issue': mutation(mutators['asset.issue']),
  'asset.return': mutation(mutators['asset.return']),
  'asset.returnMany': mutation(mutators['asset.returnMany']),
  'asset.restock': mutation(mutators['asset.restock']),
  'asset.markLost': mutation(mutators['asset.markLost']),
  'asset.markStolen': mutation(mutators['asset.markStolen']),
  'asset.markDamaged': mutation(mutators['asset.markDamaged']),
  'asset.sendToRepair': mutation(mutators['asset.sendToRepair']),
  'asset.completeRepair': mutation(mutators['asset.completeRepair']),
  'asset.retire': mutation(mutators['asset.retire']),
  'asset.dispose': mutation(mutators['asset.dispose']),
  'person.create': mutation(mutators['person.create']),
  'person.recordTraining': mutation(mutators['person.recordTraining']),
  'person.acknowledgeAup': mutation(mutators['person.acknowledgeAup']),
} as const;

export type Method = keyof typeof handlers;
export type QueryMethod = { [M in Method]: (typeof handlers)[M]['kind'] extends 'query' ? M : never }[Method];
export type MutationMethod = Exclude<Method, QueryMethod>;
export type InputOf<M extends Method> = z.input<(typeof handlers)[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<(typeof handlers)[M]['input']>;
export type ResultOf<M extends Method> = (typeof handlers)[M]['result'];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(handlers, name);
}
