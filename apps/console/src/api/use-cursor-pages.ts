import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useConsole } from '../auth/console-context';
import type { ApiService } from '../config';
import type { QueryValue } from './client';
import type { Page } from './paging';
import { LIVE_REFRESH_MS } from '../components/live';

export interface CursorPages<T> {
  query: UseQueryResult<Page<T>>;
  /** 1-based number of the page shown. */
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * One page of a cursor-paged list, refreshed while shown. The APIs page forward only, so the cursors of the pages
 * already seen are kept to go back; a change of filters (the `filters` object's content) starts again at page 1.
 */
export function useCursorPages<T>(service: ApiService, path: string, filters: Readonly<Record<string, QueryValue>>, refetchInterval: number = LIVE_REFRESH_MS): CursorPages<T> {
  const { api } = useConsole();
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState<{ filterKey: string; cursors: (string | undefined)[] }>({ filterKey, cursors: [undefined] });
  const cursors = state.filterKey === filterKey ? state.cursors : [undefined];
  if (state.filterKey !== filterKey) setState({ filterKey, cursors });
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [service, path, filters, cursor],
    queryFn: ({ signal }) => api.get<Page<T>>(service, path, { ...filters, cursor }, signal),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.nextCursor ?? undefined;
  const next = useCallback(() => {
    if (nextCursor) setState((current) => ({ ...current, cursors: [...current.cursors, nextCursor] }));
  }, [nextCursor]);
  const previous = useCallback(() => setState((current) => ({ ...current, cursors: current.cursors.length > 1 ? current.cursors.slice(0, -1) : current.cursors })), []);
  return { query, pageNumber: cursors.length, hasNext: Boolean(nextCursor), hasPrevious: cursors.length > 1, next, previous };
}
