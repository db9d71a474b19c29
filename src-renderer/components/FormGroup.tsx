import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

interface FormGroupProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error: string | undefined;
  /** The control itself; it must carry `id` and `aria-describedby={describedBy(id, hint, error)}`. */
  readonly children: ReactNode;
}

/** The GOV.UK form group around one control: label, optional hint, inline error, red bar when in error. */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
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
      {children}
    </div>
  );
}
