/** GOV.UK inline error message, with the visually hidden "Error:" prefix screen readers announce. */
export function ErrorMessage({ id, message }: { readonly id: string; readonly message: string }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
