import type { IncidentReportEntry } from '../../src-shared/api/incident-queries';
import { LOSS_KINDS, UNLOCKED_ANSWERS } from '../../src-shared/domain/loss-report';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatDate, formatMoment } from '../format';
import { byline } from './incident-words';

function rows(report: IncidentReportEntry): SummaryRow[] {
  const list: SummaryRow[] = [
    { key: 'What happened', value: LOSS_KINDS[report.kind] },
    { key: 'When', value: formatDate(report.occurredOn) },
    { key: 'Where', value: report.location },
    { key: 'Circumstances', value: <span className="app-preserve-lines">{report.circumstances}</span> },
  ];
  if (report.kind === 'stolen' || report.policeReference !== null) {
    list.push({
      key: 'Police crime reference',
      value: report.policeReference ?? `Not reported to the police yet: ${report.policeNotReportedReason ?? 'no reason given'}`,
    });
  }
  list.push({ key: 'Left logged in or unlocked', value: UNLOCKED_ANSWERS[report.deviceUnlocked] });
  return list;
}

/** Every report of the incident, oldest (the one that opened it) first: each person's own account. */
export function ReportAccounts({ reports }: { readonly reports: readonly IncidentReportEntry[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">{reports.length === 1 ? 'Report' : `Reports (${String(reports.length)})`}</h2>
      {reports.map((report, index) => (
        <section key={report.id} aria-labelledby={`report-${report.id}`}>
          <h3 className="govuk-heading-s" id={`report-${report.id}`}>
            {index === 0 ? 'First report' : `Further report ${String(index)}`}, {byline(report.reporterName)} on {formatMoment(report.reportedAt)}
          </h3>
          <SummaryList rows={rows(report)} />
        </section>
      ))}
    </>
  );
}
