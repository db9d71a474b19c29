import { z } from 'zod';
import type { AssetListRow } from '../../src-shared/api/asset-queries';
import type { PersonDetail, PersonSummary } from '../../src-shared/api/person-queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { PERSON_STATUSES, ROLES } from '../../src-shared/domain/roles';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { ButtonLink } from '../components/ButtonLink';
import { choiceId } from '../components/ChoiceFields';
import { ErrorMessage } from '../components/ErrorMessage';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, WarningText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { SummaryList } from '../components/SummaryList';
import { TextareaField } from '../components/TextareaField';
import { formatCount } from '../format';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { PersonIncidentQueue } from '../incidents/PersonIncidentQueue';
import { AupStatusText, TrainingStatusText } from '../people/person-status';
import { href, navigate, paths, useParam, useRoute } from '../router';

const CONDITION_MAX = 1000;

function PersonLink({ person }: { readonly person: PersonSummary }) {
  return (
    <a className="govuk-link" href={href(paths.person(person.id))}>
      {person.name}
    </a>
  );
}

function Reports({ reports }: { readonly reports: readonly PersonSummary[] }) {
  if (reports.length === 0) return <>None</>;
  return (
    <ul className="govuk-list">
      {reports.map((report) => (
        <li key={report.id}>
          <PersonLink person={report} /> ({report.staffNumber})
        </li>
      ))}
    </ul>
  );
}

const returnSchema = z.object({
  assetIds: z.array(z.string()).min(1, { error: 'Select the equipment being returned' }),
  condition: z
    .string()
    .trim()
    .min(1, { error: 'Enter the condition of the returned equipment' })
    .max(CONDITION_MAX, { error: `The condition must be ${String(CONDITION_MAX)} characters or fewer` }),
});

interface ReturnValues {
  assetIds: string[] | string | false;
  condition: string;
}

/** react-hook-form gives one ticked checkbox as a string and none as false: the schema wants a list. */
const returnResolver = preparedResolver(returnSchema, ({ assetIds, condition }: ReturnValues) => ({
  values: { assetIds: Array.isArray(assetIds) ? assetIds : typeof assetIds === 'string' ? [assetIds] : [], condition },
  errors: {},
}));

function useReturnForm({ person }: PersonDetail) {
  const api = useApi();
  return useGovukForm({
    resolver: returnResolver,
    defaultValues: { assetIds: [], condition: '' },
    fields: ['assetIds', 'condition'],
    save: (values) => api.call('asset.returnMany', values),
    onSaved: ({ assetIds }) => {
      navigate(paths.person(person.id), { flash: `${formatCount(assetIds.length, 'asset', 'assets')} returned by ${person.name}` });
    },
  });
}

/** Everything the person holds, with a checkbox each, and one condition note: returned together (`asset.returnMany`). */
function Holdings({ detail, form }: { readonly detail: PersonDetail; readonly form: ReturnType<typeof useReturnForm> }) {
  const { person, holdings } = detail;
  const selectionError = form.error('assetIds');
  const registration = form.register('assetIds');

  return (
    <>
      <h2 className="govuk-heading-m">Equipment held ({holdings.length.toLocaleString('en-GB')})</h2>
      {holdings.length === 0 ? (
        <p className="govuk-body">{person.name} holds no equipment.</p>
      ) : (
        <form noValidate onSubmit={form.onSubmit} aria-label={`Return equipment held by ${person.name}`}>
          <div className={`govuk-form-group${selectionError === undefined ? '' : ' govuk-form-group--error'}`}>
            {selectionError === undefined ? null : <ErrorMessage id="assetIds-error" message={selectionError} />}
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Equipment held by {person.name}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header app-table__select">
                    <span className="govuk-visually-hidden">Return</span>
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Asset tag
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Type
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Make and model
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Serial number
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {holdings.map((asset: AssetListRow, index) => {
                  const id = choiceId('assetIds', index);
                  return (
                    <tr key={asset.id} className="govuk-table__row">
                      <td className="govuk-table__cell app-table__select">
                        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                          <div className="govuk-checkboxes__item">
                            <input
                              {...registration}
                              className="govuk-checkboxes__input"
                              id={id}
                              type="checkbox"
                              value={asset.id}
                              aria-describedby={selectionError === undefined ? undefined : 'assetIds-error'}
                            />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                              <span className="govuk-visually-hidden">Return {asset.assetTag}</span>
                            </label>
                          </div>
                        </div>
                      </td>
                      <td className="govuk-table__cell">
                        <a className="govuk-link" href={href(paths.asset(asset.id))}>
                          {asset.assetTag}
                        </a>
                      </td>
                      <td className="govuk-table__cell">{ASSET_TYPES[asset.type]}</td>
                      <td className="govuk-table__cell">{asset.model}</td>
                      <td className="govuk-table__cell">{asset.serialNumber}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {holdings.length > 1 ? (
              <Button
                variant="secondary"
                className="govuk-!-margin-bottom-0"
                onClick={() => {
                  form.setValue(
                    'assetIds',
                    holdings.map((asset) => asset.id),
                  );
                }}
              >
                Select all {holdings.length.toLocaleString('en-GB')} for return
              </Button>
            ) : null}
          </div>
          <TextareaField
            label="Condition of the returned equipment"
            labelClass="govuk-label--s"
            hint="One note for everything selected. For example, all in good condition with chargers"
            rows={3}
            maxLength={CONDITION_MAX}
            {...form.field('condition')}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={form.isSubmitting} aria-disabled={form.isSubmitting || undefined}>
              Return selected equipment
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function PersonDetails({ detail }: { readonly detail: PersonDetail }) {
  const { flash, initial } = useRoute();
  const { person, lineManager, reports, aup, trainingLapsed } = detail;
  const returnForm = useReturnForm(detail);
  usePageTitle(`${person.name} – People`, returnForm.summaryErrors.length > 0);
  return (
    <>
      <ErrorSummary errors={returnForm.summaryErrors} focusRequest={returnForm.summaryFocusRequest} />
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      <span className="govuk-caption-l">{person.staffNumber}</span>
      <PageHeading focusOnMount={!initial && flash === null}>{person.name}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Staff number', value: person.staffNumber },
          { key: 'Email address', value: person.email },
          { key: 'Roles', value: person.roles.map((role) => ROLES[role]).join(', ') },
          { key: 'Employment status', value: PERSON_STATUSES[person.status] },
          { key: 'Line manager', value: lineManager === null ? 'None' : <PersonLink person={lineManager} /> },
          { key: 'Reports', value: <Reports reports={reports} /> },
        ]}
      />

      <h2 className="govuk-heading-m">Acceptable Use Policy</h2>
      <p className="govuk-body">
        <AupStatusText aup={aup} />
      </p>
      {aup.upToDate ? null : (
        <ButtonLink href={href(paths.personAup(person.id))} variant="secondary">
          Record AUP confirmation
        </ButtonLink>
      )}

      <h2 className="govuk-heading-m">Security training</h2>
      <p className="govuk-body">
        <TrainingStatusText detail={detail} />
      </p>
      {trainingLapsed ? <WarningText>Annual security training has lapsed. The policy (1.8) makes it mandatory every year.</WarningText> : null}
      <ButtonLink href={href(paths.personTraining(person.id))} variant="secondary">
        Record training completed
      </ButtonLink>

      <Holdings detail={detail} form={returnForm} />

      <PersonIncidentQueue person={person} />
    </>
  );
}

export function PersonPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('person.get', { id });
  if (detail.status === 'loading') return <Loading what="the person" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="person" focusOnMount={!initial} />;
  return <PersonDetails detail={detail.value} />;
}
