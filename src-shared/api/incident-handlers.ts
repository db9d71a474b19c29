import { query, returns } from './handler-spec';
import type { IncidentDetail, IncidentList, SuspensionQueue } from './incident-queries';
import { incidentGetInput, incidentListInput, suspensionQueueInput } from './incident-queries';

/** Reading security incidents (AUP 8.2): the security team's list, a line manager's queue, the desk's suspension queue. */
export const incidentHandlers = {
  'incident.list': query(incidentListInput, returns<IncidentList>()),
  'incident.get': query(incidentGetInput, returns<IncidentDetail>()),
  'suspension.queue': query(suspensionQueueInput, returns<SuspensionQueue>()),
} as const;
