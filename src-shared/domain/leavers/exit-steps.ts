import type { AssetType } from '../asset';

/**
 * The standard exit steps every leaver case carries besides its equipment (AUP 8.4: "Line Managers must complete all
 * appropriate exit procedures with leavers"), in the order the checklist shows them.
 *
 * `notApplicable` says whether a manager may mark the step as not applicable, with a reason. Two steps apply to every
 * leaver without exception and so never can: everyone holds something or must be confirmed to hold nothing, and
 * everyone has system access. The others depend on the person (not everyone operates an official social media account
 * or has a building pass), and Custodian does not yet know who does, so the manager says which, with a reason.
 */
export interface ExitStepDefinition {
  readonly label: string;
  /** What doing it means, for the checklist page. */
  readonly detail: string;
  readonly policy: string;
  readonly notApplicable: boolean;
  /** One step per smartcard or token the leaver holds, rather than one per case (see CREDENTIAL_TYPES). */
  readonly perCredential: boolean;
}

export const EXIT_STEPS = {
  return_assets: {
    label: 'Return all equipment',
    detail:
      'Every equipment item on this checklist is resolved, and the leaver holds nothing the register does not list (chargers, accessories, kit issued locally).',
    policy: 'AUP 8.4',
    notApplicable: false,
    perCredential: false,
  },
  revoke_access: {
    label: 'Revoke system access and disable the account',
    detail:
      'Access to department systems outside Custodian (email, network, business applications) is revoked and the network account disabled. Custodian’s own account is disabled when the case is signed off.',
    policy: 'AUP 8.4',
    notApplicable: false,
    perCredential: false,
  },
  cancel_credential: {
    label: 'Cancel smartcard or token',
    detail: 'The card’s certificates or the token’s registration are cancelled, so it cannot be used even if it is never handed back.',
    policy: 'AUP 8.4',
    notApplicable: true,
    perCredential: true,
  },
  social_media: {
    label: 'Remove from official social media accounts and professional individual accounts',
    detail:
      'The leaver no longer has access to any official department account, and approval for any professional individual account they ran for the department is withdrawn.',
    policy: 'Social Media Policy, statements 5 and 7',
    notApplicable: true,
    perCredential: false,
  },
  building_pass: {
    label: 'Return building pass',
    detail: 'The building pass is handed back and cancelled.',
    policy: 'AUP 8.4',
    notApplicable: true,
    perCredential: false,
  },
  aup_reminder: {
    label: 'Give the final Acceptable Use Policy reminder',
    detail:
      'The leaver is reminded that unreturned equipment leads to cost recovery (AUP 8.4) and that their duties over department information continue after they leave.',
    policy: 'AUP 8.4',
    notApplicable: true,
    perCredential: false,
  },
} as const satisfies Record<string, ExitStepDefinition>;

export type ExitStep = keyof typeof EXIT_STEPS;

export const EXIT_STEP_VALUES = Object.keys(EXIT_STEPS) as [ExitStep, ...ExitStep[]];

/**
 * Identity credentials: a smartcard carries its holder's certificates and a network token is registered to its holder.
 * Returning one is not enough (it must be cancelled so a copy or a card never handed back is useless), and neither can
 * pass to a successor, who is issued their own. Each gets its own cancel step, so a card issued during the case adds a
 * step of its own instead of reopening one already done for another card.
 */
export const CREDENTIAL_TYPES: readonly AssetType[] = ['smartcard', 'network_token'];

export function isCredential(type: AssetType): boolean {
  return CREDENTIAL_TYPES.includes(type);
}
