import { z } from 'zod';
import { mutators } from '../mutators/registry';
import type { AssetDetail, AssetListRow, AssetPage } from './asset-queries';
import { assetGetInput, assetPageInput, assetSearchInput } from './asset-queries';
import type { PersonDetail, PersonSummary } from './person-queries';
import { personGetInput, personSearchInput } from './person-queries';
import { demoHandlers } from './demo-handlers';
import { mutation, query, returns } from './handler-spec';
import { importHandlers } from './import-handlers';
import { incidentHandlers } from './incident-handlers';
import { travelHandlers } from './travel-handlers';
import { syncHandlers } from './sync-handlers';
import type { AppInfo, AssetListItem, Page, PersonListItem } from './queries';
import { pageInput } from './queries';

/**
 * THE handler table: every renderer → main call, by method name, with its zod input schema and result type.
 * Served unchanged over Electron IPC and over the loopback web shell, so the UI never knows which it talks to.
 * Mutation methods are the mutators themselves, so a write can only ever be a named, intent-level mutator;
 * command methods (import, demo) write only by running mutators.
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
  'person.changeLineManager': mutation(mutators['person.changeLineManager']),
  'asset.reportLoss': mutation(mutators['asset.reportLoss']),
  'suspension.suspend': mutation(mutators['suspension.suspend']),
  'suspension.requestWipe': mutation(mutators['suspension.requestWipe']),
  'suspension.confirmWipe': mutation(mutators['suspension.confirmWipe']),
  'suspension.reinstate': mutation(mutators['suspension.reinstate']),
  'incident.close': mutation(mutators['incident.close']),
  'travel.request': mutation(mutators['travel.request']),
  'travel.resubmit': mutation(mutators['travel.resubmit']),
  'travel.approveAsManager': mutation(mutators['travel.approveAsManager']),
  'travel.approveAsSecurity': mutation(mutators['travel.approveAsSecurity']),
  'travel.reject': mutation(mutators['travel.reject']),
  'travel.withdraw': mutation(mutators['travel.withdraw']),
  'travel.cancel': mutation(mutators['travel.cancel']),
  'travel.recordDeparture': mutation(mutators['travel.recordDeparture']),
  'travel.confirmDeviceReturned': mutation(mutators['travel.confirmDeviceReturned']),
  'travel.recordReturn': mutation(mutators['travel.recordReturn']),
  'countryPolicy.change': mutation(mutators['countryPolicy.change']),
  ...incidentHandlers,
  ...travelHandlers,
  ...importHandlers,
  ...demoHandlers,
  ...syncHandlers,
} as const;

export type Method = keyof typeof handlers;
type MethodOfKind<K extends string> = { [M in Method]: (typeof handlers)[M]['kind'] extends K ? M : never }[Method];
export type QueryMethod = MethodOfKind<'query'>;
export type MutationMethod = MethodOfKind<'mutation'>;
export type CommandMethod = MethodOfKind<'command'>;
export type InputOf<M extends Method> = z.input<(typeof handlers)[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<(typeof handlers)[M]['input']>;
export type ResultOf<M extends Method> = (typeof handlers)[M]['result'];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(handlers, name);
}
