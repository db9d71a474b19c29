import { useState, type SubmitEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegister,
  type UseFormSetValue,
  type UseFormWatch,
} from 'react-hook-form';
import type { Result } from '../../src-shared/result';
import type { SummaryError } from '../components/ErrorSummary';
import type { BoundField } from '../components/field-props';

interface GovukFormOptions<Input extends FieldValues, Output> {
  readonly resolver: Resolver<Input, unknown, Output>;
  readonly defaultValues: NoInfer<DefaultValues<Input>>;
  /** The form's fields in page order: the error summary lists errors in this order. Each field's id is its name. */
  readonly fields: readonly NoInfer<Path<Input>>[];
  /** Sends the parsed values; a failed Result's `fields` become errors on those fields. */
  readonly save: (values: NoInfer<Output>) => Promise<Result<unknown>>;
  readonly onSaved: (values: NoInfer<Output>) => void;
}

export interface GovukForm<Input extends FieldValues> {
  /** Binds a field component: `<TextField label="…" {...form.field('assetTag')} />`. */
  field(name: Path<Input>): BoundField;
  /** The `<form onSubmit>` handler. */
  readonly onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  /** Errors for the GOV.UK error summary, in page order, then any error not about one field. */
  readonly summaryErrors: readonly SummaryError[];
  /** Changes after each submit that ends in errors, so the summary can take focus. */
  readonly summaryFocusRequest: number;
  readonly isSubmitting: boolean;
  /** For fields that are not one control (a date's day, month and year): react-hook-form's own register. */
  readonly register: UseFormRegister<Input>;
  /** The field's current error message, if any (for composite fields; `field()` includes it already). */
  error(name: Path<Input>): string | undefined;
  /** Current values, for what the page shows as the person fills it in (a reveal, a character count). */
  readonly watch: UseFormWatch<Input>;
  readonly setValue: UseFormSetValue<Input>;
}

const SERVER_ERROR = 'root.server';

/**
 * The GOV.UK form plumbing shared by every form: react-hook-form validating on submit with the zod schema,
 * errors collected for the summary and inline messages, and the server's field errors (e.g. a duplicate asset tag)
 * mapped onto the same fields, so client and server problems look the same to the person.
 */
export function useGovukForm<Input extends FieldValues, Output>(
  options: GovukFormOptions<Input, Output>,
): GovukForm<Input> {
  const { resolver, defaultValues, fields, save, onSaved } = options;
  const form = useForm<Input, unknown, Output>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit', // GOV.UK: validate when the person submits, not as they type
    shouldFocusError: false, // GOV.UK: focus moves to the error summary, not the first field
  });
  const [summaryFocusRequest, setSummaryFocusRequest] = useState(0);
  const requestSummaryFocus = () => {
    setSummaryFocusRequest((count) => count + 1);
  };
  const { errors, isSubmitting } = form.formState;

  async function submitValid(values: Output) {
    let result: Result<unknown>;
    try {
      result = await save(values);
    } catch {
      result = { ok: false, error: { code: 'internal', message: 'Custodian could not save this. Try again.', fields: {} } };
    }
    if (result.ok) {
      onSaved(values);
      return;
    }
    const known = new Set<string>(fields);
    let unplaced = Object.keys(result.error.fields).length === 0;
    for (const [name, message] of Object.entries(result.error.fields)) {
      if (known.has(name)) form.setError(name as Path<Input>, { type: 'server', message });
      else unplaced = true;
    }
    // An error not about a field on this form is still shown, in the summary.
    if (unplaced) form.setError(SERVER_ERROR, { type: 'server', message: result.error.message });
    requestSummaryFocus();
  }

  function fieldError(name: Path<Input>): string | undefined {
    const message: unknown = form.getFieldState(name, form.formState).error?.message;
    return typeof message === 'string' && message !== '' ? message : undefined;
  }

  const summaryErrors: SummaryError[] = [];
  for (const name of fields) {
    const message = fieldError(name);
    if (message !== undefined) summaryErrors.push({ fieldId: name, message });
  }
  const serverMessage = errors.root?.server?.message;
  if (serverMessage) summaryErrors.push({ message: serverMessage });

  return {
    field: (name) => ({ id: name, registration: form.register(name), error: fieldError(name) }),
    onSubmit: (event) => {
      form.clearErrors(SERVER_ERROR);
      void form.handleSubmit(submitValid, requestSummaryFocus)(event);
    },
    summaryErrors,
    summaryFocusRequest,
    isSubmitting,
    register: form.register,
    error: fieldError,
    watch: form.watch,
    setValue: form.setValue,
  };
}
