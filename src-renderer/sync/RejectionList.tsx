import { useEffect, useState } from 'react';
import type { SyncRejection } from '../../src-shared/sync/sync-status';
import { useApi } from '../api/api-context';
import { LiveStatus } from '../components/Govuk';
import { formatMoment } from '../format';
import { changeName } from './sync-labels';

interface RejectionListProps {
  /** Changes when the list may have changed (the status's count of refused changes), so it is read again. */
  readonly version: number;
  /** After a dismissal: the status's count goes down too. */
  readonly onDismissed: () => void;
}

/**
 * "Changes not applied": each change the server refused, with the server's reason ("not applied: this asset was
 * issued to A. Smith by B. Jones at 14:02") and a button to dismiss it once read.
 */
export function RejectionList({ version, onDismissed }: RejectionListProps) {
  const api = useApi();
  const [rejections, setRejections] = useState<readonly SyncRejection[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('sync.rejections', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setRejections(result.value);
        setProblem(null);
      } else {
        setProblem(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [api, version, reload]);

  async function dismiss(rejection: SyncRejection) {
    const result = await api.call('sync.dismissRejection', { mutationId: rejection.mutationId });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setAnnouncement(`Dismissed: ${changeName(rejection.name)}`);
    setReload((count) => count + 1);
    onDismissed();
    // The row and its button are gone: keep keyboard focus in the list rather than losing it to the page.
    document.getElementById('changes-not-applied')?.focus();
  }

  return (
    <>
      <h2 className="govuk-heading-m" id="changes-not-applied" tabIndex={-1}>
        Changes not applied
      </h2>
      <LiveStatus message={announcement} />
      {problem === null ? null : <p className="govuk-error-message">{problem}</p>}
      {rejections === null ? null : rejections.length === 0 ? (
        <p className="govuk-body">The server has applied every change sent from this computer.</p>
      ) : (
        <>
          <p className="govuk-body">
            The server refused these changes, so they are not in the records. Check each one; make the change again if it is still needed.
          </p>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Change
                </th>
                <th scope="col" className="govuk-table__header">
                  Why it was not applied
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rejections.map((rejection) => (
                <tr key={rejection.mutationId} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {changeName(rejection.name)}
                    <br />
                    <span className="govuk-body-s app-secondary-text">{rejection.madeAt === null ? 'On this computer' : `Made ${formatMoment(rejection.madeAt)}`}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {rejection.message}
                    <br />
                    <span className="govuk-body-s app-secondary-text">Refused {formatMoment(rejection.rejectedAt)}</span>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => void dismiss(rejection)}
                    >
                      Dismiss<span className="govuk-visually-hidden">: {changeName(rejection.name)}, {rejection.message}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
