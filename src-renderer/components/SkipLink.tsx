import type { MouseEvent } from 'react';

const MAIN_ID = 'main-content';

/**
 * "Skip to main content". Handled in script rather than by the browser, because following `#main-content` would
 * change the hash the router runs on.
 */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    event.preventDefault();
    main.setAttribute('tabindex', '-1');
    main.classList.add('govuk-skip-link-focused-element');
    main.addEventListener(
      'blur',
      () => {
        main.removeAttribute('tabindex');
        main.classList.remove('govuk-skip-link-focused-element');
      },
      { once: true },
    );
    main.focus();
  }

  return (
    <a href={`#${MAIN_ID}`} className="govuk-skip-link" onClick={skip}>
      Skip to main content
    </a>
  );
}
