import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../../src-shared/export/contract';
import type { Result } from '../../src-shared/result';
import { downloadFile } from '../files/base64';
import { Button, LiveStatus } from './Govuk';

/** What each button says; the file format is named the way people know it (Excel), with its extension. */
const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
};

type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'working'; readonly format: ExportFormat }
  | { readonly status: 'done'; readonly fileName: string }
  | { readonly status: 'failed'; readonly message: string };

function announcement(state: ExportState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'working':
      return `Exporting the list as ${FORMAT_LABELS[state.format]}…`;
    case 'done':
      return `Exported ${state.fileName}`;
    case 'failed':
      return `Export failed: ${state.message}`;
  }
}

/**
 * "Export to CSV" and "Export to Excel (XLSX)" for a list page: `exportAs` asks main for the file of what the list
 * shows (its search and filters), which is then offered as a download. Goes inside the page's govuk-button-group.
 */
export function ExportButtons({ exportAs }: { readonly exportAs: (format: ExportFormat) => Promise<Result<ExportFile>> }) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  async function run(format: ExportFormat) {
    setState({ status: 'working', format });
    const result = await exportAs(format);
    if (result.ok) {
      downloadFile(result.value);
      setState({ status: 'done', fileName: result.value.fileName });
    } else {
      setState({ status: 'failed', message: result.error.message });
    }
  }

  const working = state.status === 'working';
  return (
    <>
      {EXPORT_FORMATS.map((format) => (
        <Button key={format} variant="secondary" busy={working} onClick={() => void run(format)}>
          Export to {FORMAT_LABELS[format]}
        </Button>
      ))}
      <LiveStatus message={announcement(state)} />
      {state.status === 'failed' ? <p className="govuk-error-message app-export-problem">{state.message}</p> : null}
    </>
  );
}
