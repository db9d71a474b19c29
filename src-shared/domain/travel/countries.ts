/**
 * The countries a trip can go to: every ISO 3166-1 alpha-2 code the maintained `i18n-iso-countries` package knows, with
 * its English name. We register only the English names: the package's Node entry would load all 80 locales, and the
 * renderer bundle should carry one. The `/index.js` entry is the one that loads nothing by itself, and it is the same
 * module in Node (tests, the server) and in the bundles, so names cannot differ between the desktop and the server.
 *
 * The list includes XK (Kosovo): a user-assigned code, not an official ISO one, but the package lists it and UK
 * government travel advice covers Kosovo, so the security team must be able to set a policy for it.
 */
import { getNames, registerLocale } from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';

registerLocale(en);

/** An ISO 3166-1 alpha-2 code, upper case: the keys of the English names file, so the type follows the package. */
export type CountryCode = keyof typeof en.countries;

/** The United Kingdom: travel within it needs no request (AUP 7.13 is about taking devices outside the UK). */
export const HOME_COUNTRY: CountryCode = 'GB';

const NAMES: Readonly<Record<string, string>> = getNames('en', { select: 'official' });
const ALL_NAMES: Readonly<Record<string, readonly string[]>> = getNames('en', { select: 'all' });

/** Every known code, in alphabetical order of English name (the order a person scans a list of countries in). */
export const COUNTRY_CODES: readonly CountryCode[] = (Object.keys(en.countries) as CountryCode[]).sort((a, b) =>
  countryName(a).localeCompare(countryName(b), 'en-GB'),
);

/** The countries a leg of a trip may be in: every country except the UK itself. */
export const DESTINATION_CODES: readonly CountryCode[] = COUNTRY_CODES.filter((code) => code !== HOME_COUNTRY);

export function isCountryCode(value: string): value is CountryCode {
  return Object.hasOwn(en.countries, value);
}

/**
 * "France"; for a code with several names, the package's first (ISO, "official") one, e.g. "Russian Federation". One
 * name everywhere (policy list, request, refusal, calendar), so a person never wonders whether two names are two places.
 */
export function countryName(code: CountryCode): string {
  return NAMES[code] ?? code;
}

/** Every English name the package gives a country ("Russian Federation", "Russia"): what a country picker searches. */
export function countrySearchNames(code: CountryCode): readonly string[] {
  return ALL_NAMES[code] ?? [countryName(code)];
}

/** For a country picker: every destination with its English name, in name order. */
export function destinationOptions(): { readonly code: CountryCode; readonly name: string }[] {
  return DESTINATION_CODES.map((code) => ({ code, name: countryName(code) }));
}
