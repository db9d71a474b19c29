import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Fieldset } from './Fieldset';

export interface DateRegistrations {
  readonly day: UseFormRegisterReturn;
  readonly month: UseFormRegisterReturn;
  readonly year: UseFormRegisterReturn;
}

interface DateInputFieldProps {
  /** The field name; the day input carries it as its id, so the error summary link lands on the first box. */
  readonly id: string;
  readonly parts: DateRegistrations;
  readonly error: string | undefined;
  readonly legend: ReactNode;
  readonly legendClass?: string;
  readonly hint?: ReactNode;
}

const PARTS = [
  { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
] as const;

/** GOV.UK date input: day, month and year boxes in a fieldset; the form combines them into YYYY-MM-DD. */
export function DateInputField({ id, parts, error, legend, legendClass, hint }: DateInputFieldProps) {
  return (
    <Fieldset id={id} legend={legend} legendClass={legendClass} hint={hint} error={error} role="group">
      <div className="govuk-date-input" id={`${id}-parts`}>
        {PARTS.map(({ part, label, width }) => {
          const inputId = part === 'day' ? id : `${id}-${part}`;
          return (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                  {label}
                </label>
                <input
                  {...parts[part]}
                  className={`govuk-input govuk-date-input__input ${width}${error === undefined ? '' : ' govuk-input--error'}`}
                  id={inputId}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
