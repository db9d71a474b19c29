import type { PersonSummary } from '../../src-shared/api/person-queries';
import { PERSON_STATUSES } from '../../src-shared/domain/roles';
import type { Choice } from '../components/ChoiceFields';

/** A person as a radio option: name, with staff number, email and (unless active) their status as the hint. */
export function personChoice(person: PersonSummary): Choice {
  const status = person.status === 'active' ? '' : ` · ${PERSON_STATUSES[person.status]}`;
  return { value: person.id, label: `${person.name} (${person.staffNumber})`, hint: `${person.email}${status}` };
}
