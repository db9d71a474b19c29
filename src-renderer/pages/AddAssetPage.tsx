import { ASSET_TYPES, PHONE_TYPES, assetFormSchema } from '../../src-shared/domain/asset';
import { newId } from '../../src-shared/ids';
import { useApi } from '../api/api-context';
import { DateInputField } from '../components/DateInputField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { PageHeading } from '../components/PageHeading';
import { SelectField, type SelectOption } from '../components/SelectField';
import { TextareaField } from '../components/TextareaField';
import { TextField } from '../components/TextField';
import { EMPTY_DATE, combineDateParts, type DateParts } from '../forms/date-parts';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { href, navigate, paths, useRoute } from '../router';

const TYPE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Select a type' },
  ...Object.entries(ASSET_TYPES).map(([value, label]) => ({ value, label })),
];

const NOTES_MAX = 2000;

interface AssetFormValues {
  assetTag: string;
  serialNumber: string;
  type: string;
  imei: string;
  phoneNumber: string;
  model: string;
  purchaseDate: DateParts;
  purchaseValue: string;
  location: string;
  notes: string;
}

function isPhoneType(type: string): boolean {
  return (PHONE_TYPES as readonly string[]).includes(type);
}

/** The form's values in the shape of the shared schema: the date boxes combined, phone fields only for phones. */
const resolver = preparedResolver(assetFormSchema, ({ purchaseDate, ...values }: AssetFormValues) => {
  const date = combineDateParts(purchaseDate, 'purchase date');
  const errors: Record<string, string> = date.ok ? {} : { purchaseDate: date.message };
  const phone = isPhoneType(values.type);
  return {
    values: {
      ...values,
      imei: phone ? values.imei : '',
      phoneNumber: phone ? values.phoneNumber : '',
      purchaseDate: date.ok ? (date.value ?? '') : '',
    },
    errors,
  };
});

export function AddAssetPage() {
  const api = useApi();
  const route = useRoute();
  const form = useGovukForm({
    resolver,
    defaultValues: {
      assetTag: '',
      serialNumber: '',
      type: '',
      imei: '',
      phoneNumber: '',
      model: '',
      purchaseDate: EMPTY_DATE,
      purchaseValue: '',
      location: '',
      notes: '',
    },
    fields: ['assetTag', 'serialNumber', 'type', 'imei', 'phoneNumber', 'model', 'purchaseDate', 'purchaseValue', 'location', 'notes'],
    save: ({ purchaseValue, ...values }) => api.call('asset.create', { id: newId(), ...values, purchaseValuePence: purchaseValue }),
    onSaved: (values) => {
      navigate(paths.assets(), { flash: `Asset ${values.assetTag} added` });
    },
  });
  usePageTitle('Add an asset', form.summaryErrors.length > 0);
  const phone = isPhoneType(form.watch('type'));

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
        <SelectField label="Type" hint="Phones also ask for the IMEI and phone number" options={TYPE_OPTIONS} {...form.field('type')} />
        {phone ? (
          <div className="app-conditional-reveal" id="phone-details">
            <TextField
              label="IMEI (optional)"
              hint="15 digits. Dial *#06# on the phone to see it"
              autoComplete="off"
              spellCheck={false}
              inputMode="numeric"
              widthClass="govuk-input--width-20"
              {...form.field('imei')}
            />
            <TextField
              label="Phone number (optional)"
              hint="For example, 07700 900 982"
              autoComplete="off"
              spellCheck={false}
              inputMode="tel"
              widthClass="govuk-input--width-20"
              {...form.field('phoneNumber')}
            />
          </div>
        ) : null}
        <TextField
          label="Make and model"
          hint="For example, Dell Latitude 5440"
          autoComplete="off"
          {...form.field('model')}
        />
        <DateInputField
          id="purchaseDate"
          legend="Purchase date (optional)"
          hint="For example, 27 3 2024"
          parts={{
            day: form.register('purchaseDate.day'),
            month: form.register('purchaseDate.month'),
            year: form.register('purchaseDate.year'),
          }}
          error={form.error('purchaseDate')}
        />
        <TextField
          label="Purchase value in pounds (optional)"
          hint="Including VAT, for example 1299.99"
          autoComplete="off"
          spellCheck={false}
          inputMode="decimal"
          widthClass="govuk-input--width-10"
          prefix="£"
          {...form.field('purchaseValue')}
        />
        <TextField
          label="Location (optional)"
          hint="Where it is kept when in stock, for example Leeds Quarry House, floor 3 store"
          autoComplete="off"
          {...form.field('location')}
        />
        <TextareaField label="Notes (optional)" maxLength={NOTES_MAX} {...form.field('notes')} />
        <FormButtons submitLabel="Save asset" isSubmitting={form.isSubmitting} cancelHref={href(paths.assets())} />
      </form>
    </>
  );
}
