import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './field-props';

interface FieldsetProps {
  readonly id: string;
  readonly legend: ReactNode;
  /** GOV.UK legend size modifier, e.g. "govuk-fieldset__legend--m" when the legend is the question on the page. */
  readonly legendClass?: string;
  readonly hint?: ReactNode;
  readonly error: string | undefined;
  /** "group" for a date input (GOV.UK does this so the three fields are announced as one). */
  readonly role?: 'group';
  readonly children: ReactNode;
}

/** A GOV.UK form group with a fieldset: legend, hint and inline error describe the whole group of controls. */
export function Fieldset({ id, legend, legendClass, hint, error, role, children }: FieldsetProps) {
  return (
    <div className={`govuk-form-group${error === undefined ? '' : ' govuk-form-group--error'}`}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendClass === undefined ? 'govuk-fieldset__legend' : `govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error === undefined ? null : <ErrorMessage id={`${id}-error`} message={error} />}
        {children}
      </fieldset>
    </div>
  );
}
