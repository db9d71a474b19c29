import type { PersonRow } from '../../src-shared/domain/person';
import { useQuery } from '../api/use-query';
import { formatCount } from '../format';
import { IncidentTable } from './IncidentTable';

/**
 * AUP 8.2: a loss, theft or damage is reported to the holder's line manager. On a line manager's page, the open
 * incidents about the people who report to them: their queue. Nothing for anyone with none.
 */
export function PersonIncidentQueue({ person }: { readonly person: PersonRow }) {
  const queue = useQuery('incident.list', { status: 'open', lineManagerId: person.id });
  if (queue.status !== 'ok' || queue.value.items.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Loss and damage reports to {person.name}</h2>
      <p className="govuk-body">Open security incidents about the people who report to {person.name}.</p>
      <IncidentTable caption={formatCount(queue.value.total, 'open incident', 'open incidents')} items={queue.value.items} />
    </>
  );
}
