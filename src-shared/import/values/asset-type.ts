import { ASSET_TYPES, type AssetType } from '../../domain/asset';
import { choiceKey } from './cell';

export type ParsedType = { readonly ok: true; readonly value: AssetType } | { readonly ok: false; readonly message: string };

const TYPE_VALUES = Object.keys(ASSET_TYPES) as AssetType[];

/** Custodian's own wording: the stored value (smartphone, network_token) or the label (Network dongle or token). */
const OWN_WORDING = new Map<string, AssetType>(
  TYPE_VALUES.flatMap((type) => [
    [choiceKey(type), type],
    [choiceKey(ASSET_TYPES[type]), type],
  ]),
);

/**
 * Snipe-IT categories → Custodian types. Snipe-IT categories are free text each site names itself; these are the
 * names its demo data, its documentation and common practice use. Matching ignores case and punctuation and accepts
 * plurals ("Laptops", "Mobile Phones"). A category not listed here (or a Custodian type/label) is an error naming
 * it, never a silent "Other": the person renames the category in the file or maps it by hand.
 */
export const SNIPEIT_CATEGORY_TYPES: Readonly<Record<AssetType, readonly string[]>> = {
  laptop: ['laptop', 'notebook', 'macbook', 'ultrabook', 'chromebook'],
  desktop: ['desktop', 'desktop computer', 'desktop pc', 'pc', 'workstation', 'all in one', 'mini pc', 'thin client'],
  tablet: ['tablet', 'ipad', 'tablet computer'],
  smartphone: ['smartphone', 'smart phone', 'mobile phone', 'mobile', 'cell phone', 'cellphone', 'iphone', 'android phone'],
  basic_mobile_phone: ['basic mobile phone', 'basic phone', 'feature phone', 'dumb phone'],
  smartcard: ['smartcard', 'smart card', 'access card', 'security card'],
  network_token: ['network dongle', 'dongle', 'mobile broadband', 'mifi', '4g dongle', '5g dongle', 'token', 'security token', 'rsa token', 'network token', 'hardware token'],
  encrypted_usb: ['encrypted usb', 'encrypted usb storage', 'encrypted usb drive', 'usb storage', 'usb stick', 'usb drive', 'usb key', 'flash drive', 'memory stick'],
  headset: ['headset', 'headphone'],
  monitor: ['monitor', 'display', 'screen'],
  other: ['other'],
};

const CATEGORY_WORDING = new Map<string, AssetType>([
  ...OWN_WORDING,
  ...TYPE_VALUES.flatMap((type) => SNIPEIT_CATEGORY_TYPES[type].map((name) => [choiceKey(name), type] as const)),
]);

const TYPE_LIST = TYPE_VALUES.map((type) => ASSET_TYPES[type]).join(', ');

function lookUp(table: ReadonlyMap<string, AssetType>, text: string): AssetType | undefined {
  const key = choiceKey(text);
  return table.get(key) ?? (key.endsWith('s') ? table.get(key.slice(0, -1)) : undefined) ?? (key.endsWith('es') ? table.get(key.slice(0, -2)) : undefined);
}

/** The type column of Custodian's template: a stored type value or its label, any case. */
export function parseAssetType(text: string): ParsedType {
  if (text === '') return { ok: false, message: `Enter the type of asset: one of ${TYPE_LIST}` };
  const type = OWN_WORDING.get(choiceKey(text));
  return type ? { ok: true, value: type } : { ok: false, message: `Unknown type "${text.slice(0, 60)}": use one of ${TYPE_LIST}` };
}

/** A Snipe-IT category, through the mapping above. */
export function snipeCategoryType(text: string): ParsedType {
  if (text === '') return { ok: false, message: 'The Snipe-IT category is empty, so the type of asset is unknown' };
  const type = lookUp(CATEGORY_WORDING, text);
  return type
    ? { ok: true, value: type }
    : { ok: false, message: `Unknown type: Snipe-IT category "${text.slice(0, 60)}" has no Custodian type. Rename it in the file to one of ${TYPE_LIST}` };
}
