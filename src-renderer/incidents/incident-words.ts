import type { IncidentEvent } from '../../src-shared/domain/incident-event';
import type { SuspensionStatus } from '../../src-shared/domain/phone-suspension';

/** How each timeline entry of an incident reads. */
export const INCIDENT_EVENT_TITLES: Readonly<Record<IncidentEvent, string>> = {
  reported: 'Reported',
  reportAttached: 'Further report added',
  suspensionRequested: 'Phone suspension requested',
  suspend: 'Phone suspended',
  requestWipe: 'Remote wipe requested',
  confirmWipe: 'Remote wipe confirmed',
  reinstate: 'Phone reinstated',
  closed: 'Incident closed',
};

/** Tag colours of the suspension states: the words carry the meaning, the colour only helps. */
export const SUSPENSION_COLOURS: Readonly<Record<SuspensionStatus, 'red' | 'orange' | 'green' | 'grey' | 'yellow'>> = {
  requested: 'orange',
  suspended: 'green',
  wipe_requested: 'yellow',
  wipe_confirmed: 'green',
  reinstated: 'grey',
};

/** "5 hours", "3 days": how long an incident has been open. */
export function describeAge(hours: number): string {
  if (hours < 1) return 'less than an hour';
  if (hours < 24) return `${String(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(hours / 24);
  return `${String(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** Who did something: the account's name, or this desktop before anyone signed in. */
export function byline(name: string | null): string {
  return name === null ? 'recorded on this desktop' : `by ${name}`;
}
