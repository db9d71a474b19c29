import { useEffect } from 'react';

export const SERVICE_NAME = 'Custodian';

/** Sets the document title GOV.UK-style: "Assets – Custodian", prefixed "Error: " while a form shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
