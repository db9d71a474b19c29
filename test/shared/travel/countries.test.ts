import { getAlpha2Codes } from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  countryName,
  countrySearchNames,
  DESTINATION_CODES,
  destinationOptions,
  HOME_COUNTRY,
  isCountryCode,
} from '../../../src-shared/domain/travel/countries';
import { countryCode, destinationCountryCode } from '../../../src-shared/domain/travel/country-code';
import { fieldErrors } from '../../../src-shared/validation';

describe('the country list (i18n-iso-countries, English names)', () => {
  it('holds every alpha-2 code the package knows, each with an English name', () => {
    expect([...COUNTRY_CODES].sort()).toEqual(Object.keys(getAlpha2Codes()).sort());
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    for (const code of COUNTRY_CODES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      const names = en.countries[code];
      expect(countryName(code)).toBe(Array.isArray(names) ? names[0] : names);
    }
  });

  it('names countries in English, by their first (ISO) name, and lets a picker find the other names', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('RU')).toBe('Russian Federation');
    expect(countrySearchNames('RU')).toEqual(['Russian Federation', 'Russia']);
    expect(countrySearchNames('FR')).toEqual(['France']);
  });

  it('lists countries in name order, and every one except the UK as a destination', () => {
    const names = COUNTRY_CODES.map(countryName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(DESTINATION_CODES).toEqual(COUNTRY_CODES.filter((code) => code !== 'GB'));
    expect(HOME_COUNTRY).toBe('GB');
    expect(destinationOptions()).toContainEqual({ code: 'FR', name: 'France' });
    expect(destinationOptions().map((option) => option.code)).not.toContain('GB');
  });

  it('knows codes, not names, alpha-3 codes or guesses', () => {
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('XK')).toBe(true);
    for (const wrong of ['fr', 'FRA', 'UK', 'EN', 'ZZ', 'France', '', 'toString', '__proto__']) expect(isCountryCode(wrong)).toBe(false);
  });
});

describe('country code schemas', () => {
  const errorOf = (schema: typeof countryCode, input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? null : (fieldErrors(parsed.error)._root ?? null);
  };

  it('accepts a known code however it is typed', () => {
    expect(countryCode.parse('fr')).toBe('FR');
    expect(countryCode.parse(' de ')).toBe('DE');
    expect(destinationCountryCode.parse('cn')).toBe('CN');
  });

  it('refuses an unknown code with a message naming it and the fix', () => {
    expect(errorOf(countryCode, 'ZZ')).toBe('“ZZ” is not a country we know: use the two-letter ISO 3166-1 code, for example FR for France');
    expect(errorOf(countryCode, 'fra')).toBe('“fra” is not a country we know: use the two-letter ISO 3166-1 code, for example FR for France');
    expect(errorOf(countryCode, 'uk')).toBe('“UK” is not an ISO country code: the United Kingdom is GB');
    expect(errorOf(countryCode, '')).toBe('Choose a country');
    expect(errorOf(countryCode, 44)).toBe('Choose a country');
    expect(errorOf(countryCode, 'A'.repeat(200))).toBe('Use the two-letter ISO 3166-1 country code, for example FR for France');
  });

  it('keeps the UK out of trip destinations, but in the country list', () => {
    expect(countryCode.parse('GB')).toBe('GB');
    expect(errorOf(destinationCountryCode, 'gb')).toBe('Travel within the United Kingdom needs no travel request: choose a country outside the UK');
  });
});
