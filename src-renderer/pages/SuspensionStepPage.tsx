import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { z } from 'zod';
import type { IncidentDetail } from '../../src-shared/api/incident-queries';
import { suspensionRefusal } from '../../src-shared/domain/phone-suspension';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { TextareaField } from '../components/TextareaField';
import { TextField } from '../components/TextField';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { stepBySlug, type SuspensionStepAction } from '../incidents/suspension-steps';
import { href, navigate, paths, useParam, useRoute } from '../router';

const NOTE_MAX = 1000;
const REFERENCE_MAX = 60;

interface StepValues {
  carrierReference: string;
  note: string;
}

function stepSchema(action: SuspensionStepAction) {
  return z.object({
    carrierReference:
      action.step === 'suspend'
        ? z
            .string()
            .trim()
            .min(1, { error: 'Enter the carrier’s reference' })
            .max(REFERENCE_MAX, { error: `The carrier’s reference must be ${String(REFERENCE_MAX)} characters or fewer` })
        : z.string(),
    note: z.string().max(NOTE_MAX, { error: `The note must be ${String(NOTE_MAX)} characters or fewer` }),
  });
}

/** Why the step cannot be taken now, in the store's own words, or null. */
function refusalOf(action: SuspensionStepAction, { suspension, suspensionSteps, incident, timeline }: IncidentDetail): string | null {
  if (suspension === null) return `${incident.assetTag} is not a phone, so it has no suspension request`;
  if (suspensionSteps.includes(action.step)) return null;
  const setByName = suspension.statusChangedBy === null ? null : (timeline.find((entry) => entry.actorId === suspension.statusChangedBy)?.actorName ?? 'an account not on this desktop');
  return suspensionRefusal(action.step, { assetTag: incident.assetTag, status: suspension.status, setByName, setAt: suspension.statusChangedAt });
}

function StepForm({ action, detail }: { readonly action: SuspensionStepAction; readonly detail: IncidentDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { incident } = detail;
  const resolver = useMemo(() => zodResolver(stepSchema(action)), [action]);
  const form = useGovukForm<StepValues, StepValues>({
    resolver,
    defaultValues: { carrierReference: '', note: '' },
    fields: action.step === 'suspend' ? ['carrierReference', 'note'] : ['note'],
    save: (values) => action.send(api, incident.id, values),
    onSaved: () => {
      navigate(paths.incident(incident.id), { flash: action.done(incident.assetTag) });
    },
  });
  const title = action.title(incident.assetTag);
  usePageTitle(title, form.summaryErrors.length > 0);
  const refusal = refusalOf(action, detail);
  return (
    <>
      <BackLink href={href(paths.incident(incident.id))}>Back to {incident.reference}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {refusal === null ? null : <NotificationBanner type="important" heading={refusal} />}
      <span className="govuk-caption-l">Security incident {incident.reference}</span>
      <PageHeading focusOnMount={!initial}>{title}</PageHeading>
      {refusal === null ? (
        <form noValidate onSubmit={form.onSubmit}>
          {action.step === 'suspend' ? (
            <TextField
              label="Carrier’s reference for the suspension"
              hint="For example, the number on the carrier’s confirmation"
              autoComplete="off"
              spellCheck={false}
              widthClass="govuk-input--width-20"
              {...form.field('carrierReference')}
            />
          ) : null}
          <TextareaField label="Note (optional)" hint={action.hint} rows={3} maxLength={NOTE_MAX} {...form.field('note')} />
          <FormButtons
            submitLabel={action.submitLabel}
            isSubmitting={form.isSubmitting}
            cancelHref={href(paths.incident(incident.id))}
            variant={action.warning ? 'warning' : 'primary'}
          />
        </form>
      ) : null}
    </>
  );
}

/** One step of a phone's suspension (`#/incidents/:id/suspension/<step>`), stamped with who took it and when. */
export function SuspensionStepPage() {
  const id = useParam('id');
  const action = stepBySlug(useParam('step'));
  const { initial } = useRoute();
  const detail = useQuery('incident.get', { id });
  if (action === undefined) return <QueryProblem error={{ code: 'not_found', message: '', fields: {} }} what="step" focusOnMount={!initial} />;
  if (detail.status === 'loading') return <Loading what="the security incident" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="security incident" focusOnMount={!initial} />;
  return <StepForm action={action} detail={detail.value} />;
}
