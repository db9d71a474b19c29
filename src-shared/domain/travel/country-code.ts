import { z } from 'zod';
import { countryName, HOME_COUNTRY, isCountryCode, type CountryCode } from './countries';

/**
 * Zod schemas for a country code typed or sent by a client: trimmed and upper-cased (a pasted "fr " is France), then
 * refused with a message a person can act on when the package does not know it ("UK" and "EN" are common guesses).
 */
const EXAMPLE = 'for example FR for France';

function unknownCodeMessage(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') return 'Choose a country';
  const typed = input.trim().toUpperCase();
  if (typed === 'UK') return `“UK” is not an ISO country code: the United Kingdom is GB`;
  return `“${input.trim().slice(0, 12)}” is not a country we know: use the two-letter ISO 3166-1 code, ${EXAMPLE}`;
}

/** Any known country, the UK included: the base of the destination schema, for anything else that names a country. */
export const countryCode = z
  .string({ error: 'Choose a country' })
  .max(12, { error: `Use the two-letter ISO 3166-1 country code, ${EXAMPLE}` })
  .transform((value, ctx): CountryCode => {
    const code = value.trim().toUpperCase();
    if (isCountryCode(code)) return code;
    ctx.addIssue({ code: 'custom', message: unknownCodeMessage(value) });
    return z.NEVER;
  });

/** A country a leg of a trip may be in: any known country outside the UK. */
export const destinationCountryCode = countryCode.refine((code) => code !== HOME_COUNTRY, {
  error: `Travel within the ${countryName(HOME_COUNTRY)} needs no travel request: choose a country outside the UK`,
});

