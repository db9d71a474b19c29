import type { Api } from '../../src-shared/api/bridge';
import type { SuspensionStep } from '../../src-shared/domain/phone-suspension';
import type { Result } from '../../src-shared/result';

/**
 * The phone suspension steps the incident page offers (AUP 8.2), each one small form on its own page,
 * `#/incidents/:id/suspension/<slug>`: the carrier's reference for a suspension, otherwise an optional note.
 */
export const SUSPENSION_STEP_SLUGS = ['suspend', 'request-wipe', 'confirm-wipe', 'reinstate'] as const;

export type SuspensionStepSlug = (typeof SUSPENSION_STEP_SLUGS)[number];

export interface SuspensionStepAction {
  readonly step: SuspensionStep;
  readonly slug: SuspensionStepSlug;
  /** The button on the incident page. */
  readonly label: string;
  readonly title: (assetTag: string) => string;
  readonly submitLabel: string;
  readonly hint: string;
  readonly done: (assetTag: string) => string;
  readonly warning: boolean;
  readonly send: (api: Api, incidentId: string, values: { carrierReference: string; note: string }) => Promise<Result<unknown>>;
}

export const SUSPENSION_STEP_ACTIONS: Readonly<Record<SuspensionStep, SuspensionStepAction>> = {
  suspend: {
    step: 'suspend',
    slug: 'suspend',
    label: 'Record suspension',
    title: (tag) => `Record the suspension of ${tag}`,
    submitLabel: 'Record suspension',
    hint: 'Anything else to record, for example who at the carrier confirmed it',
    done: (tag) => `Suspension of ${tag} recorded`,
    warning: false,
    send: (api, incidentId, { carrierReference, note }) => api.call('suspension.suspend', { incidentId, carrierReference, note }),
  },
  requestWipe: {
    step: 'requestWipe',
    slug: 'request-wipe',
    label: 'Request remote wipe',
    title: (tag) => `Request a remote wipe of ${tag}`,
    submitLabel: 'Request remote wipe',
    hint: 'For example, the device management ticket number',
    done: (tag) => `Remote wipe of ${tag} requested`,
    warning: true,
    send: (api, incidentId, { note }) => api.call('suspension.requestWipe', { incidentId, note }),
  },
  confirmWipe: {
    step: 'confirmWipe',
    slug: 'confirm-wipe',
    label: 'Confirm remote wipe',
    title: (tag) => `Confirm the remote wipe of ${tag}`,
    submitLabel: 'Confirm remote wipe',
    hint: 'For example, when device management reported the wipe complete',
    done: (tag) => `Remote wipe of ${tag} confirmed`,
    warning: false,
    send: (api, incidentId, { note }) => api.call('suspension.confirmWipe', { incidentId, note }),
  },
  reinstate: {
    step: 'reinstate',
    slug: 'reinstate',
    label: 'Reinstate',
    title: (tag) => `Reinstate ${tag}`,
    submitLabel: 'Reinstate phone',
    hint: 'Once the carrier has restored the line. For example, why it is safe to do so',
    done: (tag) => `${tag} reinstated`,
    warning: false,
    send: (api, incidentId, { note }) => api.call('suspension.reinstate', { incidentId, note }),
  },
};

export function stepBySlug(slug: string): SuspensionStepAction | undefined {
  return Object.values(SUSPENSION_STEP_ACTIONS).find((action) => action.slug === slug);
}
