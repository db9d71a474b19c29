import { useEffect, useId, useRef, type ReactNode } from 'react';

interface NotificationBannerProps {
  /** "success" after something the person did worked; "important" for anything else they need to know. */
  readonly type: 'success' | 'important';
  readonly heading: ReactNode;
  readonly children?: ReactNode;
  /** Take focus when shown (GOV.UK does this for banners with role="alert"). */
  readonly autoFocus?: boolean;
}

/**
 * GOV.UK notification banner. Always role="alert": both uses here report the outcome of something that just
 * happened (a save, a failed load), which a screen reader should announce straight away.
 */
export function NotificationBanner({ type, heading, children, autoFocus = false }: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${type === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role="alert"
      aria-labelledby={titleId}
      tabIndex={autoFocus ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {type === 'success' ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
