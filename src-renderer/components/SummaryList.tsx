import type { ReactNode } from 'react';

export interface SummaryRow {
  readonly key: string;
  readonly value: ReactNode;
}

/** GOV.UK summary list: a description list of key and value pairs. */
export function SummaryList({ rows }: { readonly rows: readonly SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div key={row.key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
