import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, type BoundField } from './field-props';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps extends BoundField {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly options: readonly SelectOption[];
}

/** GOV.UK select with label, optional hint and inline error. */
export function SelectField({ id, registration, error, label, hint, options }: SelectFieldProps) {
  return (
    <div className={`govuk-form-group${error === undefined ? '' : ' govuk-form-group--error'}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error === undefined ? null : <ErrorMessage id={`${id}-error`} message={error} />}
      <select
        {...registration}
        id={id}
        className={`govuk-select${error === undefined ? '' : ' govuk-select--error'}`}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
