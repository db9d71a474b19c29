import type { ReactNode } from 'react';
import { FormGroup } from './FormGroup';
import { describedBy as fieldDescribedBy } from './field-props';

interface SearchInputProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly labelClass?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  /** Extra ids describing the input (e.g. a live result count). */
  readonly describedBy?: string;
  readonly widthClass?: string;
}

/** A labelled search box whose results follow as the person types (the caller debounces and announces them). */
export function SearchInput({ id, label, hint, labelClass, value, onChange, error, describedBy, widthClass }: SearchInputProps) {
  const described = [fieldDescribedBy(id, hint, error), describedBy].filter(Boolean).join(' ');
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} labelClass={labelClass}>
      <input
        id={id}
        className={['govuk-input', widthClass, error === undefined ? null : 'govuk-input--error'].filter(Boolean).join(' ')}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby={described === '' ? undefined : described}
      />
    </FormGroup>
  );
}
