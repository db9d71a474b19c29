import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';
import { optionalText, recordId } from '../fields';
import { countryName, isCountryCode, type CountryCode } from './countries';
import { destinationCountryCode } from './country-code';
import { formatDate, legsOverlap } from './trip-dates';
import { TRIP_TYPE_VALUES } from './trip';

/**
 * What a traveller fills in to request a trip, with the rules that need nothing but the request itself, and the one
 * that needs today's date (pastStartDates). trip-validation.ts applies them all, with the rules that need the store
 * (the devices the traveller holds, their other trips); the form gets the date rule through tripRequestFormSchema, so
 * it shows the same messages inline.
 */
export const MAX_LEGS = 20;
export const MAX_DEVICES = 10;

function calendarDate(label: string) {
  const realDate = `The ${label} must be a real date, for example 2026-03-27`;
  return z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(10, { error: realDate })
    .refine(isCalendarDate, { error: realDate });
}

const leg = z.strictObject({
  country: destinationCountryCode,
  from: calendarDate('start date'),
  to: calendarDate('end date'),
});

export const tripRequestFields = {
  type: z.enum(TRIP_TYPE_VALUES, { error: 'Choose official business or personal' }),
  legs: z
    .array(leg, { error: 'Add the countries you will visit' })
    .min(1, { error: 'Add at least one country you will visit' })
    .max(MAX_LEGS, { error: `A trip can have at most ${String(MAX_LEGS)} countries: request a second trip for the rest` }),
  /** Asset ids; omitted means none. */
  deviceIds: z
    .array(recordId('device'), { error: 'Choose devices from the equipment you hold' })
    .max(MAX_DEVICES, { error: `Take at most ${String(MAX_DEVICES)} devices` })
    .optional()
    .transform((ids) => ids ?? []),
  justification: optionalText({ label: 'business justification', max: 2000 }),
};

/**
 * The cross-field rules run even when a field already has a problem of its own, so the error summary lists every
 * problem at once (GOV.UK pattern) rather than one round at a time. They therefore read the values as parsed so far,
 * which may be malformed: a leg's dates are compared only once both are real dates.
 */
interface ParsedSoFar {
  readonly type?: unknown;
  readonly legs?: unknown;
  readonly deviceIds?: unknown;
  readonly justification?: unknown;
}

interface DatedLeg {
  readonly index: number;
  /** Null while the country is not (yet) one we know: the dates can still be checked. */
  readonly country: CountryCode | null;
  readonly from: string;
  readonly to: string;
}

const everyTime = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

function datedLegs(legs: unknown): DatedLeg[] {
  if (!Array.isArray(legs)) return [];
  return legs.flatMap((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) return [];
    const { country, from, to } = item as { country?: unknown; from?: unknown; to?: unknown };
    if (typeof from !== 'string' || typeof to !== 'string' || !isCalendarDate(from.trim()) || !isCalendarDate(to.trim())) return [];
    const code = typeof country === 'string' ? country.trim().toUpperCase() : null;
    return [{ index, country: code !== null && isCountryCode(code) ? code : null, from: from.trim(), to: to.trim() }];
  });
}

function legName({ index, country }: DatedLeg): string {
  return country === null ? `leg ${String(index + 1)}` : `leg ${String(index + 1)} (${countryName(country)})`;
}

export function tripRequestRules(value: ParsedSoFar, ctx: z.RefinementCtx): void {
  const dated = datedLegs(value.legs);
  for (const item of dated) {
    if (item.to < item.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['legs', item.index, 'to'],
        message: `The end date must be the same as or after the start date (${formatDate(item.from)}): you cannot come back before you leave`,
      });
    }
  }
  // Each later leg (in the order the traveller wrote them) is told which earlier leg it overlaps. A leg that ends
  // before it starts already has its own message and is left out.
  const wellOrdered = dated.filter((item) => item.to >= item.from);
  for (const later of wellOrdered) {
    const earlier = wellOrdered.find((other) => other.index < later.index && legsOverlap(other, later));
    if (earlier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['legs', later.index, 'from'],
        message: `The dates ${later.country === null ? `of leg ${String(later.index + 1)}` : `in ${countryName(later.country)}`} overlap ${legName(earlier)}, ${formatDate(earlier.from)} to ${formatDate(earlier.to)}: legs may share a travel day but not overlap`,
      });
    }
  }
  const deviceIds: unknown[] = Array.isArray(value.deviceIds) ? value.deviceIds : [];
  if (value.type === 'personal' && deviceIds.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['deviceIds'],
      message: 'Department devices cannot go on a personal trip (AUP 7.13): remove them, or request an official trip',
    });
  }
  const seen = new Set<unknown>();
  deviceIds.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['deviceIds', index], message: 'You have chosen this device twice' });
    seen.add(id);
  });
  if (value.type === 'official' && value.justification === null) {
    ctx.addIssue({ code: 'custom', path: ['justification'], message: 'Enter the business justification for this trip' });
  }
}

/** The request's shape and own rules: what a mutator's arguments are checked against before the store is read. */
export const tripRequestInput = z.strictObject(tripRequestFields).superRefine(tripRequestRules, everyTime);

export type TripRequestInput = z.output<typeof tripRequestInput>;

/**
 * "No start date in the past", given today's date (in the UK, as the traveller's calendar shows it; the caller works it
 * out, so nothing here reads a clock). A trip may start today. Reads the legs as sent, so it can be reported alongside
 * every other problem.
 */
export function pastStartDates(legs: unknown, today: string): { readonly path: ['legs', number, 'from']; readonly message: string }[] {
  return datedLegs(legs)
    .filter((item) => item.from < today)
    .map((item) => ({
      path: ['legs', item.index, 'from'],
      message: `The start date must be today or later: ${formatDate(item.from)} has passed (today is ${formatDate(today)})`,
    }));
}

/** The form's schema: the request's own rules plus the past-date rule, so the form shows the same messages inline. */
export function tripRequestFormSchema(today: string) {
  return tripRequestInput.superRefine((value: ParsedSoFar, ctx) => {
    for (const { path, message } of pastStartDates(value.legs, today)) ctx.addIssue({ code: 'custom', path, message });
  }, everyTime);
}
