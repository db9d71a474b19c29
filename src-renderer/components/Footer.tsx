/** A minimal footer: the service and its version. No GOV.UK crown, licence or copyright marks: this is not GOV.UK. */
export function Footer({ version, wide = false }: { readonly version: string | null; readonly wide?: boolean }) {
  return (
    <footer className="govuk-footer">
      <div className={wide ? 'govuk-width-container app-width-container--wide' : 'govuk-width-container'}>
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            Custodian{version === null ? '' : ` version ${version}`}
          </div>
        </div>
      </div>
    </footer>
  );
}
