import { z } from 'zod';
import { describeMoment } from '../asset-lifecycle';
import { requiredText } from '../fields';
import { err, ok, type Result } from '../../result';
import { countryName, DESTINATION_CODES, isCountryCode } from './countries';
import { destinationCountryCode } from './country-code';
import { COUNTRY_TIER_VALUES, ruleFor, type CountryPolicyVersion, type CountryRule } from './country-policy';

/**
 * A change to the country policy, as the security team sends it: the rows they changed, why, and the version they were
 * looking at. Two officers editing at once must not silently overwrite each other (DESIGN.md, sensitive fields carry
 * the version the user saw), so a change based on an older version is refused and they look again.
 */
export const countryPolicyChangeArgs = z
  .strictObject({
    basedOnVersion: z.number({ error: 'Say which policy version you changed' }).int().min(1),
    changes: z
      .array(
        z.strictObject({
          country: destinationCountryCode,
          tier: z.enum(COUNTRY_TIER_VALUES, { error: 'Choose devices permitted, security review required or devices prohibited' }),
          notify: z.boolean({ error: 'Say whether travel here must be notified' }),
        }),
        { error: 'Choose at least one country to change' },
      )
      .min(1, { error: 'Choose at least one country to change' })
      .max(DESTINATION_CODES.length, { error: 'Change each country at most once' }),
    reason: requiredText({ label: 'reason for the change', max: 1000 }),
  })
  // Run even when a row has its own problem, so a duplicate is reported with the rest; rows are read as parsed so far.
  .superRefine(
    (value: { changes?: unknown }, ctx) => {
      if (!Array.isArray(value.changes)) return;
      const seen = new Set<string>();
      value.changes.forEach((change: unknown, index) => {
        const country = typeof change === 'object' && change !== null ? (change as { country?: unknown }).country : undefined;
        if (typeof country !== 'string' || !isCountryCode(country)) return;
        if (seen.has(country)) {
          ctx.addIssue({ code: 'custom', path: ['changes', index, 'country'], message: `${countryName(country)} is listed twice: change each country once` });
        }
        seen.add(country);
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type CountryPolicyChangeArgs = z.output<typeof countryPolicyChangeArgs>;

export interface PolicyChangeStamp {
  /** When the change is made (the mutation's time). */
  readonly at: string;
  readonly by: string;
  readonly byName: string;
}

function sameRule(a: CountryRule, b: CountryRule): boolean {
  return a.tier === b.tier && a.notify === b.notify;
}

/**
 * The next version: the current rules with the changed rows replaced. Pure, so the desktop's optimistic run and the
 * server's authoritative run make the same version. Rows that change nothing are dropped (a form may send a row the
 * officer opened and left); a change with nothing left is refused rather than making an empty version.
 *
 * `effectiveAt` is never earlier than the current version's, so the history reads in order even when this desktop's
 * clock is behind; the version number, not the time, is what orders versions.
 */
export function applyPolicyChange(current: CountryPolicyVersion, args: CountryPolicyChangeArgs, stamp: PolicyChangeStamp): Result<CountryPolicyVersion> {
  if (args.basedOnVersion !== current.version) {
    const who = current.setByName === null ? '' : ` by ${current.setByName}`;
    return err(
      'conflict',
      `The country policy changed to version ${String(current.version)} (set${who} on ${describeMoment(current.effectiveAt)}) while you were editing version ${String(args.basedOnVersion)}: look at it again and make your change on the current version`,
    );
  }
  const effective = args.changes.filter((change) => !sameRule(ruleFor(current, change.country), change));
  if (effective.length === 0) {
    return err('invalid_input', 'Nothing to change: every country you chose already has that rule', { changes: 'Change the tier or the notify flag of at least one country' });
  }
  const rules = { ...current.rules };
  for (const { country, tier, notify } of effective) rules[country] = { tier, notify };
  return ok({
    version: current.version + 1,
    effectiveAt: Date.parse(stamp.at) > Date.parse(current.effectiveAt) ? stamp.at : current.effectiveAt,
    setBy: stamp.by,
    setByName: stamp.byName,
    reason: args.reason,
    rules,
  });
}
