import { z } from 'zod';
import type { Mutator } from '../mutators/define';
import { mutators } from '../mutators/registry';
import type { AppInfo, AssetListItem, MutationReceipt, Page, PersonListItem } from './queries';
import { pageInput } from './queries';

/** A phantom marker carrying a handler's result type; it has no runtime value. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T exists only to be carried to callers
function returns<T>(): T {
  return undefined as T;
}

function query<Input extends z.ZodType, Output>(input: Input, result: Output) {
  return { kind: 'query' as const, input, result };
}

function mutation<Name extends string, Args extends z.ZodType>(mutator: Mutator<Name, Args>) {
  return { kind: 'mutation' as const, input: mutator.args, result: returns<MutationReceipt>() };
}

/**
 * THE handler table: every renderer → main call, by method name, with its zod input schema and result type.
 * Served unchanged over Electron IPC and over the loopback web shell, so the UI never knows which it talks to.
 * Mutation methods are the mutators themselves, so a write can only ever be a named, intent-level mutator.
 */
export const handlers = {
  'app.info': query(z.strictObject({}), returns<AppInfo>()),
  'asset.list': query(pageInput, returns<Page<AssetListItem>>()),
  'person.list': query(pageInput, returns<Page<PersonListItem>>()),
  'asset.create': mutation(mutators['asset.create']),
  'person.create': mutation(mutators['person.create']),
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
