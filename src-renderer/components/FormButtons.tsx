interface FormButtonsProps {
  readonly submitLabel: string;
  readonly isSubmitting: boolean;
  readonly cancelHref: string;
  /** Red for an action that cannot be undone (retire, dispose). */
  readonly variant?: 'primary' | 'warning';
}

/** The submit button (disabled while a save is in flight, so a double click cannot save twice) and "Cancel". */
export function FormButtons({ submitLabel, isSubmitting, cancelHref, variant = 'primary' }: FormButtonsProps) {
  return (
    <div className="govuk-button-group">
      <button
        type="submit"
        className={variant === 'warning' ? 'govuk-button govuk-button--warning' : 'govuk-button'}
        disabled={isSubmitting}
        aria-disabled={isSubmitting || undefined}
      >
        {submitLabel}
      </button>
      <a className="govuk-link" href={cancelHref}>
        Cancel
      </a>
    </div>
  );
}
