import type { AupStatus, PersonDetail } from '../../src-shared/api/person-queries';
import { Tag } from '../components/StatusTag';
import { formatDate, formatMoment } from '../format';

/** AUP 1.1: has the person confirmed the version in force, and when. */
export function AupStatusText({ aup }: { readonly aup: AupStatus }) {
  if (aup.upToDate) {
    return (
      <>
        <Tag colour="green">Confirmed</Tag> Confirmed version {aup.currentVersion}
        {aup.acknowledgedAt === null ? '' : ` on ${formatMoment(aup.acknowledgedAt)}`}
      </>
    );
  }
  return (
    <>
      <Tag colour="red">Not confirmed</Tag> Has not confirmed the current version ({aup.currentVersion})
      {aup.acknowledgedVersion === null
        ? '. No confirmation recorded'
        : `. Last confirmed version ${aup.acknowledgedVersion}${aup.acknowledgedAt === null ? '' : ` on ${formatMoment(aup.acknowledgedAt)}`}`}
    </>
  );
}

/** AUP 1.8: when the annual security e-learning was last completed, and whether that has lapsed. */
export function TrainingStatusText({ detail }: { readonly detail: Pick<PersonDetail, 'person' | 'trainingLapsed'> }) {
  const completed = detail.person.trainingCompletedOn;
  if (!detail.trainingLapsed) {
    return (
      <>
        <Tag colour="green">Up to date</Tag> Completed on {completed === null ? 'an unknown date' : formatDate(completed)}
      </>
    );
  }
  return (
    <>
      <Tag colour="red">Lapsed</Tag> {completed === null ? 'No completion recorded' : `Last completed on ${formatDate(completed)}`}
    </>
  );
}

/** "has no record of completing it" / "last completed it on 3 March 2025": for warnings. */
export function trainingLapseDescription(completedOn: string | null): string {
  return completedOn === null ? 'there is no record of completing it' : `last completed on ${formatDate(completedOn)}`;
}
