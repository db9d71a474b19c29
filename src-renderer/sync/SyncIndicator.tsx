import { useRef } from 'react';
import { href, paths } from '../router';
import { announcedLabel, syncLabel } from './sync-labels';
import { useSyncStatus } from './sync-status-context';

/**
 * The sync state on every page, in the service navigation: a link to the Sync page showing "Synced", "3 changes
 * waiting", "Offline", "Signed out" or "Update required" as a GOV.UK tag, and a polite live region that announces
 * only settled changes (see announcedLabel).
 */
export function SyncIndicator() {
  const { status } = useSyncStatus();
  const announced = useRef('');
  if (status !== null) announced.current = announcedLabel(status, announced.current);
  const label = status === null ? null : syncLabel(status);
  return (
    <div className="app-sync-indicator">
      {label === null ? null : (
        <a className="govuk-link govuk-link--no-visited-state app-sync-indicator__link" href={href(paths.sync())}>
          <span className="govuk-visually-hidden">Sync status: </span>
          <strong className={`govuk-tag govuk-tag--${label.colour} app-sync-indicator__tag`}>{label.text}</strong>
        </a>
      )}
      <span role="status" className="govuk-visually-hidden" data-testid="sync-live-status">
        {announced.current}
      </span>
    </div>
  );
}
