import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

interface FormGroupProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error: string | undefined;
  /** GOV.UK label size modifier, e.g. "govuk-label--m" when the label is the question on the page. */
  readonly labelClass?: string;
  /** Extra classes on the group, e.g. "govuk-character-count". */
  readonly className?: string;
  /** The control itself; it must carry `id` and `aria-describedby={describedBy(id, hint, error)}`. */
  readonly children: ReactNode;
}

/** The GOV.UK form group around one control: label, optional hint, inline error, red bar when in error. */
export function FormGroup({ id, label, hint, error, labelClass, className, children }: FormGroupProps) {
  const classes = ['govuk-form-group', className, error === undefined ? null : 'govuk-form-group--error'].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className={labelClass === undefined ? 'govuk-label' : `govuk-label ${labelClass}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error === undefined ? null : <ErrorMessage id={`${id}-error`} message={error} />}
      {children}
    </div>
  );
}
