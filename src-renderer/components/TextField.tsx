import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { FormGroup } from './FormGroup';
import { describedBy, type BoundField } from './field-props';

interface TextFieldProps extends BoundField {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly type?: 'text' | 'email' | 'password' | 'url';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly spellCheck?: boolean;
  readonly inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  /** A GOV.UK width class, e.g. "govuk-input--width-10"; full width if omitted. */
  readonly widthClass?: string;
  /** Shown before the input (GOV.UK input prefix, e.g. "£"); hidden from screen readers, so say it in the label. */
  readonly prefix?: string;
}

/** GOV.UK text input with label, optional hint, optional prefix and inline error. */
export function TextField({
  id,
  registration,
  error,
  label,
  hint,
  type = 'text',
  autoComplete,
  spellCheck,
  inputMode,
  widthClass,
  prefix,
}: TextFieldProps) {
  const classes = ['govuk-input', widthClass, error === undefined ? null : 'govuk-input--error'].filter(Boolean).join(' ');
  const input = (
    <input
      {...registration}
      id={id}
      className={classes}
      type={type}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      inputMode={inputMode}
      aria-describedby={describedBy(id, hint, error)}
    />
  );
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {prefix === undefined ? (
        input
      ) : (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      )}
    </FormGroup>
  );
}
