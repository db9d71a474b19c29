import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { z } from 'zod';
import type { AssetDetail } from '../../src-shared/api/asset-queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink, InsetText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { StatusTag } from '../components/StatusTag';
import { TextareaField } from '../components/TextareaField';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { actionBySlug, type AssetAction } from '../lifecycle/asset-actions';
import { refusalFor } from '../lifecycle/refusal';
import { href, navigate, paths, useParam, useRoute } from '../router';

const TEXT_MAX = 1000;

function textSchema(action: AssetAction) {
  const tooLong = { error: `${action.field === 'condition' ? 'The condition' : action.required ? 'The reason' : 'The note'} must be ${String(TEXT_MAX)} characters or fewer` };
  return action.required
    ? z.string().trim().min(1, { error: action.missingMessage ?? 'Enter some text' }).max(TEXT_MAX, tooLong)
    : z.string().max(TEXT_MAX, tooLong);
}

interface ActionFormValues {
  condition: string;
  note: string;
}

function ActionForm({ action, detail }: { readonly action: AssetAction; readonly detail: AssetDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { asset } = detail;
  const resolver = useMemo(
    () =>
      zodResolver(
        z.object({
          condition: action.field === 'condition' ? textSchema(action) : z.string(),
          note: action.field === 'note' ? textSchema(action) : z.string(),
        }),
      ),
    [action],
  );
  const form = useGovukForm<ActionFormValues, ActionFormValues>({
    resolver,
    defaultValues: { condition: '', note: '' },
    fields: [action.field],
    save: (values) => action.send(api, asset.id, values[action.field]),
    onSaved: () => {
      navigate(paths.asset(asset.id), { flash: action.done(asset.assetTag) });
    },
  });
  const title = action.title(asset.assetTag);
  usePageTitle(title, form.summaryErrors.length > 0);
  const refusal = refusalFor(action.command, detail);

  return (
    <>
      <BackLink href={href(paths.asset(asset.id))}>Back to {asset.assetTag}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {refusal === null ? null : (
        <NotificationBanner type="important" heading={refusal}>
          <p className="govuk-body">
            <a className="govuk-link" href={href(paths.asset(asset.id))}>
              See what can be done with {asset.assetTag}
            </a>
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">
        {ASSET_TYPES[asset.type]}: {asset.model}
      </span>
      <PageHeading focusOnMount={!initial}>{title}</PageHeading>
      <p className="govuk-body">
        <StatusTag status={asset.status} />
        {asset.holderName === null ? null : ` held by ${asset.holderName}`}
      </p>
      {action.advice === undefined ? null : <InsetText>{action.advice}</InsetText>}
      {refusal === null ? (
        <form noValidate onSubmit={form.onSubmit}>
          <TextareaField
            label={action.fieldLabel}
            labelClass="govuk-label--m"
            hint={action.fieldHint}
            rows={4}
            maxLength={TEXT_MAX}
            {...form.field(action.field)}
          />
          <FormButtons
            submitLabel={action.submitLabel}
            isSubmitting={form.isSubmitting}
            cancelHref={href(paths.asset(asset.id))}
            variant={action.warning ? 'warning' : 'primary'}
          />
        </form>
      ) : null}
    </>
  );
}

/** One lifecycle action on an asset (`#/assets/:id/<action>`): a short note or reason, then the mutator. */
export function AssetActionPage() {
  const id = useParam('id');
  const action = actionBySlug(useParam('action'));
  const { initial } = useRoute();
  const detail = useQuery('asset.get', { id });
  if (action === undefined) return <QueryProblem error={{ code: 'not_found', message: '', fields: {} }} what="action" focusOnMount={!initial} />;
  if (detail.status === 'loading') return <Loading what="the asset" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="asset" focusOnMount={!initial} />;
  return <ActionForm action={action} detail={detail.value} />;
}
