import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { FormGroup } from './FormGroup';
import { describedBy, type BoundField } from './field-props';

interface TextFieldProps extends BoundField {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly type?: 'text' | 'email';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly spellCheck?: boolean;
  /** A GOV.UK width class, e.g. "govuk-input--width-10"; full width if omitted. */
  readonly widthClass?: string;
}

/** GOV.UK text input with label, optional hint and inline error. */
export function TextField({ id, registration, error, label, hint, type = 'text', autoComplete, spellCheck, widthClass }: TextFieldProps) {
  const classes = ['govuk-input', widthClass, error === undefined ? null : 'govuk-input--error'].filter(Boolean).join(' ');
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        {...registration}
        id={id}
        className={classes}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}
