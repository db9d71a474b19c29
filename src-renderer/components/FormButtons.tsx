interface FormButtonsProps {
  readonly submitLabel: string;
  readonly isSubmitting: boolean;
  readonly cancelHref: string;
}

/** The submit button (disabled while a save is in flight, so a double click cannot save twice) and "Cancel". */
export function FormButtons({ submitLabel, isSubmitting, cancelHref }: FormButtonsProps) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" disabled={isSubmitting} aria-disabled={isSubmitting || undefined}>
        {submitLabel}
      </button>
      <a className="govuk-link" href={cancelHref}>
        Cancel
      </a>
    </div>
  );
}
