import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import type { BoundField } from './field-props';

export interface Choice {
  readonly value: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
}

interface ChoicesProps extends BoundField {
  readonly legend: ReactNode;
  readonly legendClass?: string;
  readonly hint?: ReactNode;
  readonly choices: readonly Choice[];
  /** GOV.UK small checkboxes/radios (filters, dense forms). */
  readonly small?: boolean;
  readonly inline?: boolean;
}

/** GOV.UK item ids: the first is the field id (so the error summary link lands on it), then `id-2`, `id-3`… */
export function choiceId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${String(index + 1)}`;
}

function Items({
  kind,
  id,
  registration,
  choices,
  small,
  inline,
}: {
  readonly kind: 'checkboxes' | 'radios';
  readonly id: string;
  readonly registration: UseFormRegisterReturn;
  readonly choices: readonly Choice[];
  readonly small: boolean;
  readonly inline: boolean;
}) {
  const classes = [`govuk-${kind}`, small ? `govuk-${kind}--small` : null, inline ? `govuk-${kind}--inline` : null].filter(Boolean).join(' ');
  return (
    <div className={classes} data-module={`govuk-${kind}`}>
      {choices.map((choice, index) => {
        const itemId = choiceId(id, index);
        return (
          <div key={choice.value} className={`govuk-${kind}__item`}>
            <input
              {...registration}
              className={`govuk-${kind}__input`}
              id={itemId}
              type={kind === 'checkboxes' ? 'checkbox' : 'radio'}
              value={choice.value}
              aria-describedby={choice.hint ? `${itemId}-item-hint` : undefined}
            />
            <label className={`govuk-label govuk-${kind}__label`} htmlFor={itemId}>
              {choice.label}
            </label>
            {choice.hint ? (
              <div id={`${itemId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                {choice.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** GOV.UK checkboxes: a fieldset of options, any number of which can be chosen. */
export function CheckboxesField({ id, registration, error, legend, legendClass, hint, choices, small = false, inline = false }: ChoicesProps) {
  return (
    <Fieldset id={id} legend={legend} legendClass={legendClass} hint={hint} error={error}>
      <Items kind="checkboxes" id={id} registration={registration} choices={choices} small={small} inline={inline} />
    </Fieldset>
  );
}

/** GOV.UK radios: a fieldset of options, one of which is chosen. */
export function RadiosField({ id, registration, error, legend, legendClass, hint, choices, small = false, inline = false }: ChoicesProps) {
  return (
    <Fieldset id={id} legend={legend} legendClass={legendClass} hint={hint} error={error}>
      <Items kind="radios" id={id} registration={registration} choices={choices} small={small} inline={inline} />
    </Fieldset>
  );
}

interface ConfirmCheckboxProps extends BoundField {
  /** The statement the person confirms, e.g. "Ada Lovelace has read and accepts…". */
  readonly label: ReactNode;
}

/** One checkbox confirming a statement; required by the form's schema (value true when ticked). */
export function ConfirmCheckbox({ id, registration, error, label }: ConfirmCheckboxProps) {
  return (
    <div className={`govuk-form-group${error === undefined ? '' : ' govuk-form-group--error'}`}>
      {error === undefined ? null : <ErrorMessage id={`${id}-error`} message={error} />}
      <div className="govuk-checkboxes" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            {...registration}
            className="govuk-checkboxes__input"
            id={id}
            type="checkbox"
            aria-describedby={error === undefined ? undefined : `${id}-error`}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
