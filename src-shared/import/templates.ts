import type { ImportKind } from './contract';
import { CUSTODIAN_ASSETS, CUSTODIAN_PEOPLE, templateHeader } from './layouts/custodian';

/** The header line of Custodian's own CSV template for each kind (`npm run cli -- template assets`). */
export const IMPORT_TEMPLATE_HEADERS: Readonly<Record<ImportKind, string>> = {
  assets: templateHeader(CUSTODIAN_ASSETS),
  people: templateHeader(CUSTODIAN_PEOPLE),
};
