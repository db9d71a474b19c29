import type { ReactNode } from 'react';
import { FormGroup } from './FormGroup';
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
    <FormGroup id={id} label={label} hint={hint} error={error}>
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
    </FormGroup>
  );
}
