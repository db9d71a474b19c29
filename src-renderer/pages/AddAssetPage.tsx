import { zodResolver } from '@hookform/resolvers/zod';
import { ASSET_TYPES, assetFormSchema } from '../../src-shared/domain/asset';
import { newId } from '../../src-shared/ids';
import { useApi } from '../api/api-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { PageHeading } from '../components/PageHeading';
import { SelectField, type SelectOption } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { navigate, useRoute } from '../router';

const TYPE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Select a type' },
  ...Object.entries(ASSET_TYPES).map(([value, label]) => ({ value, label })),
];

const resolver = zodResolver(assetFormSchema);

export function AddAssetPage() {
  const api = useApi();
  const route = useRoute();
  const form = useGovukForm({
    resolver,
    defaultValues: { assetTag: '', serialNumber: '', model: '' },
    fields: ['assetTag', 'serialNumber', 'type', 'model'],
    save: ({ purchaseValue, ...values }) => api.call('asset.create', { id: newId(), ...values, purchaseValuePence: purchaseValue }),
    onSaved: (values) => {
      navigate('/assets', { flash: `Asset ${values.assetTag} added` });
    },
  });
  usePageTitle('Add an asset', form.summaryErrors.length > 0);

  return (
    <>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      <PageHeading focusOnMount={!route.initial}>Add an asset</PageHeading>
      <form noValidate onSubmit={form.onSubmit}>
        <TextField
          label="Asset tag"
          hint="The label stuck on the equipment, for example ABC-123"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-20"
          {...form.field('assetTag')}
        />
        <TextField
          label="Serial number"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-20"
          {...form.field('serialNumber')}
        />
        <SelectField label="Type" options={TYPE_OPTIONS} {...form.field('type')} />
        <TextField
          label="Make and model"
          hint="For example, Dell Latitude 5440"
          autoComplete="off"
          {...form.field('model')}
        />
        <FormButtons submitLabel="Save asset" isSubmitting={form.isSubmitting} cancelHref="#/assets" />
      </form>
    </>
  );
}
