/** The steps of a security incident's timeline, as stored; the renderer words them. */
export const INCIDENT_EVENTS = [
  'reported',
  'reportAttached',
  'suspensionRequested',
  'suspend',
  'requestWipe',
  'confirmWipe',
  'reinstate',
  'closed',
] as const;

export type IncidentEvent = (typeof INCIDENT_EVENTS)[number];

/** One entry of an incident's timeline: who did what, when. Never updated. */
export interface IncidentEventRow {
  readonly id: string;
  readonly incidentId: string;
  /** The incident's person: whom the entry is about (visibility follows them). */
  readonly personId: string | null;
  readonly event: IncidentEvent;
  readonly note: string | null;
  readonly actorId: string | null;
  readonly clientId: string;
  readonly at: string;
}
