import { useEffect, useState } from 'react';
import type { PersonSummary } from '../../src-shared/api/person-queries';
import type { AppError } from '../../src-shared/result';
import { useApi } from '../api/api-context';
import { useDebounced } from '../hooks/use-debounced';

export const SEARCH_DEBOUNCE_MS = 150;

export type PersonSearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly query: string }
  | { readonly status: 'ok'; readonly query: string; readonly people: readonly PersonSummary[] }
  | { readonly status: 'error'; readonly query: string; readonly error: AppError };

/**
 * People matching what is typed (`person.search`: name, staff number or email, as word prefixes), asked for once
 * typing pauses. Stale answers are ignored.
 */
export function usePersonSearch(text: string, limit: number): PersonSearchState {
  const api = useApi();
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const [state, setState] = useState<PersonSearchState>({ status: 'idle' });

  useEffect(() => {
    if (query === '') {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setState((previous) => (previous.status === 'ok' && previous.query === query ? previous : { status: 'loading', query }));
    void api.call('person.search', { query: query.slice(0, 100), limit }).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ok', query, people: result.value } : { status: 'error', query, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, query, limit]);

  return state;
}

/** What a screen reader hears after each search. */
export function searchAnnouncement(state: PersonSearchState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'loading':
      return 'Searching…';
    case 'error':
      return `The search did not work: ${state.error.message}`;
    case 'ok':
      return state.people.length === 0
        ? `No one found for ${state.query}`
        : `${String(state.people.length)} ${state.people.length === 1 ? 'person' : 'people'} found`;
  }
}
