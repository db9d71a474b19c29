import type { Api } from '../../src-shared/api/bridge';
import type { AssetCommand } from '../../src-shared/domain/asset-lifecycle';
import type { Result } from '../../src-shared/result';

/**
 * The lifecycle actions the asset page offers besides issuing (which has its own journey): each is one small form
 * on its own page, `#/assets/:id/<slug>`, with one text field and one mutator call.
 */
export const ASSET_ACTION_SLUGS = [
  'return',
  'mark-lost',
  'mark-stolen',
  'mark-damaged',
  'send-to-repair',
  'complete-repair',
  'restock',
  'retire',
  'dispose',
] as const;

export type AssetActionSlug = (typeof ASSET_ACTION_SLUGS)[number];

/** Issue has its own journey; recovery happens only by closing the security incident (incident.close). */
export type ActionCommand = Exclude<AssetCommand, 'issue' | 'recover' | 'recoverForRepair'>;

export interface AssetAction {
  readonly command: ActionCommand;
  readonly slug: AssetActionSlug;
  /** The button on the asset page. */
  readonly label: string;
  /** The page heading, e.g. "Mark LT-0042 as lost". */
  readonly title: (assetTag: string) => string;
  /** The name the mutator gives the text field: its errors come back under this name. */
  readonly field: 'condition' | 'note';
  readonly fieldLabel: string;
  readonly fieldHint?: string;
  readonly required: boolean;
  /** What to say when the required text is missing (the same words the server would use, said sooner). */
  readonly missingMessage?: string;
  readonly submitLabel: string;
  /** Irreversible actions get a red (warning) button. */
  readonly warning: boolean;
  /** Said once on the asset page after it worked. */
  readonly done: (assetTag: string) => string;
  /** What the person should also do, from the policy (AUP 8.2 for losses). */
  readonly advice?: string;
  readonly send: (api: Api, assetId: string, text: string) => Promise<Result<unknown>>;
}

const LOSS_ADVICE =
  'The Acceptable Use Policy (8.2) says a loss, theft or damage must be reported to the holder’s line manager at once and logged as a security incident. If it is a work phone, ask for the phone to be suspended.';

const optionalNote = { field: 'note', fieldLabel: 'Note (optional)', required: false } as const;

export const ASSET_ACTIONS: Readonly<Record<ActionCommand, AssetAction>> = {
  return: {
    command: 'return',
    slug: 'return',
    label: 'Return',
    title: (tag) => `Return ${tag}`,
    field: 'condition',
    fieldLabel: 'Condition of the equipment',
    fieldHint: 'For example, good condition with charger, or screen cracked',
    required: true,
    missingMessage: 'Enter the condition',
    submitLabel: 'Return asset',
    warning: false,
    done: (tag) => `${tag} returned`,
    send: (api, assetId, condition) => api.call('asset.return', { assetId, condition }),
  },
  markLost: {
    command: 'markLost',
    slug: 'mark-lost',
    label: 'Mark as lost',
    title: (tag) => `Mark ${tag} as lost`,
    ...optionalNote,
    fieldHint: 'For example, where and when it was last seen',
    submitLabel: 'Mark as lost',
    warning: false,
    done: (tag) => `${tag} marked as lost`,
    advice: LOSS_ADVICE,
    send: (api, assetId, note) => api.call('asset.markLost', { assetId, note }),
  },
  markStolen: {
    command: 'markStolen',
    slug: 'mark-stolen',
    label: 'Mark as stolen',
    title: (tag) => `Mark ${tag} as stolen`,
    ...optionalNote,
    fieldHint: 'For example, the police crime reference number',
    submitLabel: 'Mark as stolen',
    warning: false,
    done: (tag) => `${tag} marked as stolen`,
    advice: LOSS_ADVICE,
    send: (api, assetId, note) => api.call('asset.markStolen', { assetId, note }),
  },
  markDamaged: {
    command: 'markDamaged',
    slug: 'mark-damaged',
    label: 'Mark as damaged',
    title: (tag) => `Mark ${tag} as damaged`,
    ...optionalNote,
    fieldHint: 'For example, what is damaged and how it happened',
    submitLabel: 'Mark as damaged',
    warning: false,
    done: (tag) => `${tag} marked as damaged`,
    advice: LOSS_ADVICE,
    send: (api, assetId, note) => api.call('asset.markDamaged', { assetId, note }),
  },
  sendToRepair: {
    command: 'sendToRepair',
    slug: 'send-to-repair',
    label: 'Send for repair',
    title: (tag) => `Send ${tag} for repair`,
    ...optionalNote,
    fieldHint: 'For example, the repairer and their job number',
    submitLabel: 'Send for repair',
    warning: false,
    done: (tag) => `${tag} sent for repair`,
    send: (api, assetId, note) => api.call('asset.sendToRepair', { assetId, note }),
  },
  completeRepair: {
    command: 'completeRepair',
    slug: 'complete-repair',
    label: 'Return from repair',
    title: (tag) => `Return ${tag} from repair`,
    ...optionalNote,
    fieldHint: 'It goes back into stock. For example, what was repaired',
    submitLabel: 'Return from repair',
    warning: false,
    done: (tag) => `${tag} returned from repair and back in stock`,
    send: (api, assetId, note) => api.call('asset.completeRepair', { assetId, note }),
  },
  restock: {
    command: 'restock',
    slug: 'restock',
    label: 'Put back into stock',
    title: (tag) => `Put ${tag} back into stock`,
    ...optionalNote,
    fieldHint: 'For example, wiped and re-imaged',
    submitLabel: 'Put back into stock',
    warning: false,
    done: (tag) => `${tag} is back in stock`,
    send: (api, assetId, note) => api.call('asset.restock', { assetId, note }),
  },
  retire: {
    command: 'retire',
    slug: 'retire',
    label: 'Retire',
    title: (tag) => `Retire ${tag}`,
    field: 'note',
    fieldLabel: 'Reason for retiring it',
    fieldHint: 'Retiring is final: the asset cannot be issued again',
    required: true,
    missingMessage: 'Enter the reason',
    submitLabel: 'Retire asset',
    warning: true,
    done: (tag) => `${tag} retired`,
    send: (api, assetId, note) => api.call('asset.retire', { assetId, note }),
  },
  dispose: {
    command: 'dispose',
    slug: 'dispose',
    label: 'Dispose',
    title: (tag) => `Dispose of ${tag}`,
    field: 'note',
    fieldLabel: 'Reason for disposal',
    fieldHint: 'Disposal is final. For example, the disposal certificate number',
    required: true,
    missingMessage: 'Enter the reason',
    submitLabel: 'Dispose of asset',
    warning: true,
    done: (tag) => `${tag} disposed of`,
    send: (api, assetId, note) => api.call('asset.dispose', { assetId, note }),
  },
};

export function actionBySlug(slug: string): AssetAction | undefined {
  return Object.values(ASSET_ACTIONS).find((action) => action.slug === slug);
}

/** How each history event reads on the timeline. */
export const EVENT_TITLES: Readonly<Record<AssetCommand | 'create', string>> = {
  create: 'Added to the register',
  issue: 'Issued',
  return: 'Returned',
  restock: 'Put back into stock',
  markLost: 'Marked as lost',
  markStolen: 'Marked as stolen',
  markDamaged: 'Marked as damaged',
  sendToRepair: 'Sent for repair',
  completeRepair: 'Returned from repair',
  recover: 'Recovered and back in stock',
  recoverForRepair: 'Recovered and sent for repair',
  retire: 'Retired',
  dispose: 'Disposed of',
};
