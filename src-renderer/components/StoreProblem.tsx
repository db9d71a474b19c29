/**
 * Shown at the top of every page when the app could not open its data store (for example, a database made by a
 * newer version of Custodian). Styled as a GOV.UK error summary; the app keeps running so the person can read it.
 */
export function StoreProblem({ message }: { readonly message: string }) {
  return (
    <div className="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">Custodian cannot open its data store</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{message}</p>
          <p className="govuk-body">
            Nothing can be shown or saved until this is fixed. Contact the IT service desk and give them this message.
          </p>
        </div>
      </div>
    </div>
  );
}
