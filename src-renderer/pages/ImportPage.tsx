import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Api } from '../../src-shared/api/bridge';
import { useApi } from '../api/api-context';
import type { ImportIssue, ImportKind, ImportPreview, ImportProgress } from '../../src-shared/import/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Button, LiveStatus, WarningText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { SummaryList } from '../components/SummaryList';
import { fileToBase64 } from '../files/base64';
import { formatCount } from '../format';
import { usePageTitle } from '../hooks/use-page-title';
import { href, paths, useRoute } from '../router';

/** Larger files are refused before reading (the import's own limit): 300,000 assets as CSV are well under it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const POLL_MS = 200;
/** Rows of the error and warning tables shown; the counts above them say how many there are in all. */
const ISSUES_SHOWN = 200;
const SAMPLE_ROWS = 5;
const MILESTONES = [25, 50, 75];

const FORMATS: Readonly<Record<ImportPreview['format'], string>> = {
  custodian: 'Custodian CSV',
  snipeit: 'Snipe-IT export',
  unknown: 'Not recognised',
};

const KINDS: Readonly<Record<ImportKind, { readonly label: string; readonly hint: string; readonly one: string; readonly many: string }>> = {
  assets: { label: 'Assets', hint: 'Equipment for the register. Custodian’s own CSV, or an asset export from Snipe-IT', one: 'asset', many: 'assets' },
  people: { label: 'People', hint: 'The staff directory: staff number, name, email address and line manager', one: 'person', many: 'people' },
};

type Step =
  | { readonly step: 'choose'; readonly checking: boolean }
  | { readonly step: 'preview'; readonly preview: ImportPreview; readonly fileName: string }
  | { readonly step: 'importing'; readonly preview: ImportPreview; readonly fileName: string; readonly progress: ImportProgress | null }
  | { readonly step: 'done'; readonly kind: ImportKind; readonly imported: number };

function IssueTable({ id, caption, issues, total }: { readonly id: string; readonly caption: string; readonly issues: readonly ImportIssue[]; readonly total: number }) {
  const shown = issues.slice(0, ISSUES_SHOWN);
  return (
    <>
      <table className="govuk-table" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header app-table__narrow">
              Row
            </th>
            <th scope="col" className="govuk-table__header">
              Column
            </th>
            <th scope="col" className="govuk-table__header">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {shown.map((issue, index) => (
            <tr key={`${String(issue.row)}:${issue.field}:${String(index)}`} className="govuk-table__row">
              <td className="govuk-table__cell">{issue.row === 0 ? 'Whole file' : issue.row.toLocaleString('en-GB')}</td>
              <td className="govuk-table__cell">{issue.field === '' ? 'Whole row' : issue.field}</td>
              <td className="govuk-table__cell">{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length ? (
        <p className="govuk-body">
          Showing the first {shown.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}.
        </p>
      ) : null}
    </>
  );
}

function SampleTable({ sample, sampleColumns: columns }: Pick<ImportPreview, 'sample' | 'sampleColumns'>) {
  const rows = sample.slice(0, SAMPLE_ROWS);
  if (rows.length === 0) return null;
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="import-sample-caption">
      <table className="govuk-table app-table--compact">
        <caption className="govuk-table__caption govuk-table__caption--s" id="import-sample-caption">
          {rows.length === 1 ? 'The first valid row, as it will be imported' : `The first ${String(rows.length)} valid rows, as they will be imported`}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, index) => (
            // Sample rows have no identity of their own; their order never changes.
            <tr key={index} className="govuk-table__row">
              {columns.map((column) => (
                <td key={column} className="govuk-table__cell">
                  {row[column] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewView({
  preview,
  fileName,
  onImport,
  onStartAgain,
}: {
  readonly preview: ImportPreview;
  readonly fileName: string;
  readonly onImport: () => void;
  readonly onStartAgain: () => void;
}) {
  const kind = KINDS[preview.kind];
  const { invalidRows, warningCount, ignoredColumns: ignored } = preview;
  return (
    <>
      <h2 className="govuk-heading-l" id="import-preview-heading" tabIndex={-1}>
        Check the file before importing
      </h2>
      <SummaryList
        rows={[
          { key: 'File', value: fileName },
          { key: 'Importing', value: kind.label },
          { key: 'Format', value: FORMATS[preview.format] },
          { key: 'Rows in the file', value: preview.rows.toLocaleString('en-GB') },
          { key: 'Valid rows', value: preview.valid.toLocaleString('en-GB') },
          { key: 'Rows with errors', value: invalidRows.toLocaleString('en-GB') },
          ...(ignored.length === 0 ? [] : [{ key: 'Columns not used', value: ignored.join(', ') }]),
        ]}
      />
      {invalidRows > 0 ? (
        <WarningText>
          {formatCount(invalidRows, 'row has errors', 'rows have errors')} and will not be imported. Correct them in the file and import it
          again, or import the valid rows now and the others later.
        </WarningText>
      ) : null}
      {preview.errors.length > 0 ? (
        <IssueTable
          id="import-errors"
          caption={`Errors (${preview.errorCount.toLocaleString('en-GB')})`}
          issues={preview.errors}
          total={preview.errorCount}
        />
      ) : null}
      {preview.warnings.length > 0 ? (
        <IssueTable
          id="import-warnings"
          caption={`Warnings: these rows will be imported, but check them (${warningCount.toLocaleString('en-GB')})`}
          issues={preview.warnings}
          total={warningCount}
        />
      ) : null}
      <SampleTable sample={preview.sample} sampleColumns={preview.sampleColumns} />
      <div className="govuk-button-group">
        {preview.valid > 0 ? <Button onClick={onImport}>Import {formatCount(preview.valid, 'valid row', 'valid rows')}</Button> : null}
        <Button variant="secondary" onClick={onStartAgain}>
          Choose a different file
        </Button>
      </div>
      {preview.valid === 0 ? <p className="govuk-body">There are no valid rows to import. Correct the file and choose it again.</p> : null}
    </>
  );
}

function ProgressView({ preview, progress, milestone }: { readonly preview: ImportPreview; readonly progress: ImportProgress | null; readonly milestone: string }) {
  const total = progress !== null && progress.total > 0 ? progress.total : preview.valid;
  const done = progress === null ? 0 : Math.min(progress.done, total);
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
  return (
    <>
      <h2 className="govuk-heading-l" id="import-progress-heading" tabIndex={-1}>
        Importing {formatCount(preview.valid, KINDS[preview.kind].one, KINDS[preview.kind].many)}
      </h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="import-progress">
          Import progress
        </label>
        <progress id="import-progress" className="app-progress" max={total} value={done} aria-describedby="import-progress-text">
          {percent}%
        </progress>
        <p className="govuk-body" id="import-progress-text">
          {done.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} rows ({percent}%)
          {progress?.message ? `. ${progress.message}` : ''}
        </p>
      </div>
      <LiveStatus message={milestone} />
      <p className="govuk-body">Keep Custodian open until the import finishes.</p>
    </>
  );
}

async function pollProgress(api: Api, previewId: string, isRunning: () => boolean, onProgress: (progress: ImportProgress) => void): Promise<void> {
  while (isRunning()) {
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
    if (!isRunning()) return;
    const result = await api.call('import.progress', { previewId });
    // A failed poll shows no progress this time; the import itself still runs, and its own answer says how it went.
    if (result.ok && isRunning()) onProgress(result.value);
  }
}

/**
 * Import from a CSV file (`#/import`): choose what and which file, see what would be imported (errors per row and
 * column, warnings, a sample), then import the valid rows with a progress bar. Nothing is written before the person
 * presses "Import".
 */
export function ImportPage() {
  const api = useApi();
  const { initial } = useRoute();
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ step: 'choose', checking: false });
  const [errors, setErrors] = useState<readonly SummaryError[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [milestone, setMilestone] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  usePageTitle('Import from a CSV file', errors.length > 0);

  useEffect(() => {
    // After each step, focus its heading so a screen reader starts reading there.
    const id = step.step === 'preview' ? 'import-preview-heading' : step.step === 'importing' ? 'import-progress-heading' : null;
    if (id !== null) document.getElementById(id)?.focus();
  }, [step.step]);

  function fail(problems: SummaryError[]) {
    setErrors(problems);
    setFocusRequest((count) => count + 1);
  }

  async function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (kind === null) problems.push({ fieldId: 'import-kind', message: 'Select what you are importing' });
    if (file === null) problems.push({ fieldId: 'import-file', message: 'Select a CSV file' });
    else if (!/\.csv$/i.test(file.name)) problems.push({ fieldId: 'import-file', message: 'The selected file must be a CSV' });
    else if (file.size === 0) problems.push({ fieldId: 'import-file', message: 'The selected file is empty' });
    else if (file.size > MAX_FILE_BYTES) {
      problems.push({ fieldId: 'import-file', message: 'The selected file is larger than 50 MB: split it into smaller files and import each one' });
    }
    if (problems.length > 0 || kind === null || file === null) {
      fail(problems);
      return;
    }
    setErrors([]);
    setStep({ step: 'choose', checking: true });
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setStep({ step: 'choose', checking: false });
      fail([{ fieldId: 'import-file', message: 'The selected file could not be read. Choose it again' }]);
      return;
    }
    const result = await api.call('import.preview', { kind, fileName: file.name, contentBase64 });
    if (!result.ok) {
      setStep({ step: 'choose', checking: false });
      const message =
        result.error.code === 'payload_too_large' ? 'The selected file is too large to import in one go. Split it into smaller files' : result.error.message;
      const aboutTheFile = result.error.code === 'invalid_input' || result.error.code === 'payload_too_large';
      fail([aboutTheFile ? { fieldId: 'import-file', message } : { message }]);
      return;
    }
    setStep({ step: 'preview', preview: result.value, fileName: file.name });
  }

  async function runImport(preview: ImportPreview, fileName: string) {
    setErrors([]);
    setMilestone('Import started');
    setStep({ step: 'importing', preview, fileName, progress: null });
    let running = true;
    let announced = 0;
    const polling = pollProgress(
      api,
      preview.previewId,
      () => running,
      (progress) => {
        const percent = progress.total === 0 ? 0 : (progress.done / progress.total) * 100;
        const reached = MILESTONES.filter((mark) => percent >= mark).at(-1);
        if (reached !== undefined && reached > announced) {
          announced = reached;
          setMilestone(`${String(reached)}% imported`);
        }
        setStep((current) => (current.step === 'importing' ? { ...current, progress } : current));
      },
    );
    const result = await api.call('import.commit', { previewId: preview.previewId });
    running = false;
    await polling;
    if (result.ok) {
      setMilestone('');
      setStep({ step: 'done', kind: preview.kind, imported: result.value.imported });
      return;
    }
    setStep({ step: 'preview', preview, fileName });
    fail([{ message: `Nothing was imported: ${result.error.message}` }]);
  }

  function startAgain() {
    setStep({ step: 'choose', checking: false });
    setFile(null);
    setErrors([]);
  }

  const errorFor = (id: string) => errors.find((error) => error.fieldId === id)?.message;
  const kindError = errorFor('import-kind');
  const fileError = errorFor('import-file');

  return (
    <>
      {step.step === 'done' ? (
        <NotificationBanner type="success" heading={`${formatCount(step.imported, KINDS[step.kind].one, KINDS[step.kind].many)} imported`} autoFocus>
          <p className="govuk-body">
            <a className="govuk-link govuk-notification-banner__link" href={href(step.kind === 'assets' ? paths.assets() : paths.people())}>
              {step.kind === 'assets' ? 'Go to the asset register' : 'Go to the list of people'}
            </a>
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} focusRequest={focusRequest} />
      <PageHeading focusOnMount={!initial}>Import from a CSV file</PageHeading>

      {step.step === 'choose' ? (
        <form noValidate onSubmit={(event) => void check(event)}>
          <div className={`govuk-form-group${kindError === undefined ? '' : ' govuk-form-group--error'}`}>
            <fieldset className="govuk-fieldset" aria-describedby={kindError === undefined ? undefined : 'import-kind-error'}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">What are you importing?</legend>
              {kindError === undefined ? null : <ErrorMessage id="import-kind-error" message={kindError} />}
              <div className="govuk-radios" data-module="govuk-radios">
                {(Object.entries(KINDS) as [ImportKind, (typeof KINDS)[ImportKind]][]).map(([value, { label, hint }], index) => {
                  const id = index === 0 ? 'import-kind' : `import-kind-${String(index + 1)}`;
                  return (
                    <div key={value} className="govuk-radios__item">
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name="import-kind"
                        type="radio"
                        value={value}
                        checked={kind === value}
                        onChange={() => {
                          setKind(value);
                        }}
                        aria-describedby={`${id}-item-hint`}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {label}
                      </label>
                      <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                        {hint}
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <div className={`govuk-form-group${fileError === undefined ? '' : ' govuk-form-group--error'}`}>
            <label className="govuk-label govuk-label--m" htmlFor="import-file">
              Upload a CSV file
            </label>
            <div className="govuk-hint" id="import-file-hint">
              The first row must name the columns. Nothing is imported until you have checked what the file contains
            </div>
            {fileError === undefined ? null : <ErrorMessage id="import-file-error" message={fileError} />}
            <input
              ref={fileInput}
              className={`govuk-file-upload${fileError === undefined ? '' : ' govuk-file-upload--error'}`}
              id="import-file"
              name="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={['import-file-hint', fileError === undefined ? null : 'import-file-error'].filter(Boolean).join(' ')}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
              }}
            />
          </div>
          <Button type="submit" busy={step.checking}>
            {step.checking ? 'Checking the file…' : 'Check the file'}
          </Button>
          <LiveStatus message={step.checking ? 'Checking the file…' : ''} />
        </form>
      ) : null}

      {step.step === 'preview' ? (
        <PreviewView
          preview={step.preview}
          fileName={step.fileName}
          onImport={() => void runImport(step.preview, step.fileName)}
          onStartAgain={startAgain}
        />
      ) : null}
      {step.step === 'importing' ? <ProgressView preview={step.preview} progress={step.progress} milestone={milestone} /> : null}
      {step.step === 'done' ? (
        <p className="govuk-body">
          <button type="button" className="app-link-button govuk-link" onClick={startAgain}>
            Import another file
          </button>
        </p>
      ) : null}
    </>
  );
}
