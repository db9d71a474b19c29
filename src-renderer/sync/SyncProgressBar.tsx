import { useEffect, useRef } from 'react';
import type { SyncProgress } from '../../src-shared/sync/sync-status';
import { progressPercent } from './sync-labels';

/**
 * The first sync's progress as a GOV.UK-styled bar: role="progressbar" with aria-valuenow (absent while the total is
 * unknown, which makes it an indeterminate bar to assistive technology) and the counts in words beside it.
 */
export function SyncProgressBar({ progress }: { readonly progress: SyncProgress }) {
  const fill = useRef<HTMLDivElement>(null);
  const percent = progressPercent(progress);
  useEffect(() => {
    // Set through the CSSOM: the CSP forbids style attributes in markup.
    if (fill.current) fill.current.style.width = percent === null ? '' : `${String(percent)}%`;
  }, [percent]);
  const words =
    progress.total === null
      ? `${progress.done.toLocaleString('en-GB')} records received so far`
      : `${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')} records received (${String(percent ?? 0)}%)`;
  return (
    <div className="govuk-form-group">
      <h2 className="govuk-heading-m" id="first-sync-heading">
        First sync
      </h2>
      <p className="govuk-body">Custodian is receiving the records you can see. You can carry on using it; the records appear when the sync ends.</p>
      <div
        className={percent === null ? 'app-progress-bar app-progress-bar--indeterminate' : 'app-progress-bar'}
        role="progressbar"
        aria-labelledby="first-sync-heading"
        aria-describedby="first-sync-words"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={words}
      >
        <div className="app-progress-bar__fill" ref={fill} />
      </div>
      <p className="govuk-body-s" id="first-sync-words">
        {words}
      </p>
    </div>
  );
}
