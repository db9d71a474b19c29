import { useEffect, useState } from 'react';
import type { InputOf, QueryMethod, ResultOf } from '../../src-shared/api/handlers';
import type { AppError } from '../../src-shared/result';
import { useApi } from './api-context';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError };

/** Runs a query method when the component mounts (and again if the input changes); ignores stale answers. */
export function useQuery<M extends QueryMethod>(method: M, input: InputOf<M>): QueryState<ResultOf<M>> {
  const api = useApi();
  const [state, setState] = useState<QueryState<ResultOf<M>>>({ status: 'loading' });
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void api.call(method, JSON.parse(inputKey) as InputOf<M>).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, method, inputKey]);

  return state;
}
