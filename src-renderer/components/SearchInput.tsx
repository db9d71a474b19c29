import type { ReactNode } from 'react';

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
  const described = [hint ? `${id}-hint` : null, error === undefined ? null : `${id}-error`, describedBy ?? null].filter(Boolean).join(' ');
  return (
    <div className={`govuk-form-group${error === undefined ? '' : ' govuk-form-group--error'}`}>
      <label className={labelClass === undefined ? 'govuk-label' : `govuk-label ${labelClass}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
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
    </div>
  );
}
