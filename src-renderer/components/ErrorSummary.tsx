import { useEffect, useRef, type MouseEvent } from 'react';

export interface SummaryError {
  /** The id of the field the error is about; omitted for an error that is not about one field. */
  readonly fieldId?: string;
  readonly message: string;
}

interface ErrorSummaryProps {
  readonly errors: readonly SummaryError[];
  /** Each time this number changes (a submit that found errors), the summary takes focus. */
  readonly focusRequest: number;
}

/** Focus the field and bring its label into view too (the label is above the field, so scroll to it). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault(); // following "#field-id" would change the hash the router runs on
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/** GOV.UK error summary: "There is a problem", each error linking to its field. Renders nothing without errors. */
export function ErrorSummary({ errors, focusRequest }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0;
  useEffect(() => {
    if (focusRequest > 0 && visible) ref.current?.focus();
  }, [focusRequest, visible]);

  if (!visible) return null;
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ''}:${error.message}`}>
                {error.fieldId === undefined ? (
                  error.message
                ) : (
                  <a
                    href={`#${error.fieldId}`}
                    onClick={(event) => {
                      focusField(event, error.fieldId ?? '');
                    }}
                  >
                    {error.message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
