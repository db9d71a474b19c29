import { getAsset, listAssetEvents, listAssets } from '../../assets/asset-queries';
import { assetEventListQuery, assetEventSchema, assetIdParams, assetListQuery, assetSchema } from '../../assets/asset-schema';
import { defineRoute } from '../route';
import { page } from '../schemas/common';
import { notVisible } from './not-visible';

export const listAssetsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/assets',
  operationId: 'listAssets',
  summary: 'Assets you may see, paged',
  description:
    'Staff see what they hold; line managers also what everyone below them holds; the IT service desk and security team see the whole register.',
  tag: 'assets',
  auth: 'session',
  query: assetListQuery,
  value: page(assetSchema),
  errors: ['forbidden'],
  handle: async ({ deps, auth, query }) => {
    const { limit, after, ...filters } = query;
    return listAssets(deps.db, auth.actor, filters, { limit, after });
  },
});

export const getAssetRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/assets/{assetId}',
  operationId: 'getAsset',
  summary: 'One asset, if you may see it',
  tag: 'assets',
  auth: 'session',
  params: assetIdParams,
  value: assetSchema,
  errors: ['forbidden', 'not_found'],
  async handle({ deps, auth, params, request }) {
    const asset = await getAsset(deps.db, auth.actor, params.assetId);
    if (!asset) throw await notVisible(deps.db, request, auth.actor, 'assets', params.assetId, 'asset');
    return asset;
  },
});

export const listAssetEventsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/assets/{assetId}/events',
  operationId: 'listAssetEvents',
  summary: 'An asset’s history, as far as you may see it, paged',
  description: 'Each event is shown only to those who may see the person it concerns: a holder does not see who held the asset before them.',
  tag: 'assets',
  auth: 'session',
  params: assetIdParams,
  query: assetEventListQuery,
  value: page(assetEventSchema),
  errors: ['forbidden', 'not_found'],
  async handle({ deps, auth, params, query, request }) {
    if (!(await getAsset(deps.db, auth.actor, params.assetId))) {
      throw await notVisible(deps.db, request, auth.actor, 'assets', params.assetId, 'asset');
    }
    return listAssetEvents(deps.db, auth.actor, params.assetId, query);
  },
});
