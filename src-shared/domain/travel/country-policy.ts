import { DESTINATION_CODES, type CountryCode } from './countries';

/**
 * The security team's country policy (AUP 7.13, 7.14). Each destination has a tier, which says what may happen to
 * department devices taken there, and a notify flag, which says the security team must hear of any trip there, even a
 * personal one with no device. The tiers are ordered: a change up the order is a tightening.
 */
export const COUNTRY_TIERS = {
  permitted: 'Devices permitted with manager approval',
  security_review: 'Security review required',
  prohibited: 'Devices prohibited',
} as const;

export type CountryTier = keyof typeof COUNTRY_TIERS;

/** In order of strictness, least strict first. */
export const COUNTRY_TIER_VALUES = Object.keys(COUNTRY_TIERS) as [CountryTier, ...CountryTier[]];

export function isStricterTier(tier: CountryTier, than: CountryTier): boolean {
  return COUNTRY_TIER_VALUES.indexOf(tier) > COUNTRY_TIER_VALUES.indexOf(than);
}

export interface CountryRule {
  readonly tier: CountryTier;
  /** AUP 7.14: the security team is told before any trip here, official or personal. */
  readonly notify: boolean;
}

/**
 * Until the security team has classified a country, a device going there gets their review: the default must not let
 * a device go on a manager's word alone to a country nobody has looked at, and "prohibited" would refuse every trip
 * on the day Custodian is installed.
 */
export const UNCLASSIFIED_RULE: CountryRule = { tier: 'security_review', notify: false };

/**
 * One version of the whole policy. Versions are numbered 1, 2, 3…, and the number (never a clock) orders them: a
 * request records the number it was judged against. `effectiveAt` is when the version took effect, for people to read.
 */
export interface CountryPolicyVersion {
  readonly version: number;
  readonly effectiveAt: string;
  /** The person who set this version; null for the first version, made when Custodian was installed. */
  readonly setBy: string | null;
  readonly setByName: string | null;
  readonly reason: string;
  /** A rule for every destination (the UK has none: travel within it is not a trip). */
  readonly rules: Readonly<Partial<Record<CountryCode, CountryRule>>>;
}

/**
 * A country with no rule in a version (the package added it after the version was written) is unclassified, so an
 * update of `i18n-iso-countries` can never make a new country less strict than the default.
 */
export function ruleFor(policy: CountryPolicyVersion, country: CountryCode): CountryRule {
  return policy.rules[country] ?? UNCLASSIFIED_RULE;
}

/** Version 1: every destination unclassified. */
export function initialCountryPolicy(effectiveAt: string): CountryPolicyVersion {
  const rules: Partial<Record<CountryCode, CountryRule>> = {};
  for (const code of DESTINATION_CODES) rules[code] = UNCLASSIFIED_RULE;
  return { version: 1, effectiveAt, setBy: null, setByName: null, reason: 'Initial policy: no country classified yet', rules };
}

/** The version in force now: the highest number held. Callers keep at least version 1, so the history is never empty. */
export function currentPolicy(history: readonly [CountryPolicyVersion, ...CountryPolicyVersion[]]): CountryPolicyVersion {
  return history.reduce((latest, version) => (version.version > latest.version ? version : latest));
}

/** The version a request was judged against, found by its number (undefined if this store does not hold it). */
export function policyNumbered(history: readonly CountryPolicyVersion[], version: number): CountryPolicyVersion | undefined {
  return history.find((candidate) => candidate.version === version);
}
