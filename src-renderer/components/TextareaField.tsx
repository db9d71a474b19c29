import { useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { FormGroup } from './FormGroup';
import { describedBy, type BoundField } from './field-props';

interface TextareaFieldProps extends BoundField {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly labelClass?: string;
  readonly rows?: number;
  /** Shows a GOV.UK character count against this limit (the schema enforces it; the count only informs). */
  readonly maxLength?: number;
}

/** How long after typing stops the count is read out, as GOV.UK Frontend's character count does. */
const ANNOUNCE_DELAY_MS = 1000;

function countMessage(max: number, length: number): string {
  const remaining = max - length;
  if (remaining >= 0) return `You have ${remaining.toLocaleString('en-GB')} character${remaining === 1 ? '' : 's'} remaining`;
  const over = -remaining;
  return `You have ${over.toLocaleString('en-GB')} character${over === 1 ? '' : 's'} too many`;
}

/** GOV.UK textarea, optionally with the character count (visible count, plus a polite, debounced announcement). */
export function TextareaField({ id, registration, error, label, hint, labelClass, rows = 5, maxLength }: TextareaFieldProps) {
  const [length, setLength] = useState(0);
  const [typed, setTyped] = useState(false);
  const [announced, setAnnounced] = useState('');
  const message = maxLength === undefined ? '' : countMessage(maxLength, length);
  const over = maxLength !== undefined && length > maxLength;

  useEffect(() => {
    if (maxLength === undefined || !typed) return undefined; // nothing is read out until the person types
    const timer = window.setTimeout(() => {
      setAnnounced(message);
    }, ANNOUNCE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [maxLength, message, typed]);

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setLength(event.target.value.length);
    setTyped(true);
    void registration.onChange(event);
  };
  const infoId = `${id}-info`;
  const described = [describedBy(id, hint, error), maxLength === undefined ? undefined : infoId].filter(Boolean).join(' ') || undefined;
  const classes = ['govuk-textarea', error === undefined && !over ? null : 'govuk-textarea--error'].filter(Boolean).join(' ');

  return (
    <FormGroup
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelClass={labelClass}
      className={maxLength === undefined ? undefined : 'govuk-character-count'}
    >
      <textarea {...registration} onChange={onChange} id={id} className={classes} rows={rows} aria-describedby={described} />
      {maxLength === undefined ? null : (
        <>
          <div id={infoId} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
            You can enter up to {maxLength.toLocaleString('en-GB')} characters
          </div>
          <div
            className={`govuk-character-count__status ${over ? 'govuk-error-message' : 'govuk-hint'}`}
            aria-hidden="true"
          >
            {message}
          </div>
          <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
            {announced}
          </div>
        </>
      )}
    </FormGroup>
  );
}
