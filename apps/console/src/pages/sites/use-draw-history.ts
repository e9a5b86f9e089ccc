import { useEffect, useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { LIVE_REFRESH_MS } from '../../components/live';
import { FIRST_LOAD_MAX_POINTS, type HistoryRange, mergeHistory, nextPollFrom, rangeMs } from './draw-history';
import { sitePaths } from './site-paths';
import type { HistoryPoint, NodeDrawHistory } from './site-types';

export interface DrawHistoryState {
  points: HistoryPoint[];
  current: NodeDrawHistory['current'];
  /** The range shown: from its start to the last poll (epoch ms). */
  from: number;
  to: number;
  loaded: boolean;
  error: unknown;
}

const initial: DrawHistoryState = { points: [], current: null, from: 0, to: 0, loaded: false, error: undefined };

/**
 * A node's limit and draw over the chosen range, kept live: loaded once for the range, then every 5 s only the
 * samples since the last one shown are asked for and appended, so the chart grows instead of starting over.
 * A failed poll keeps what is shown and says why; the next poll tries again.
 */
export function useDrawHistory(siteId: string, nodeId: string, range: HistoryRange): DrawHistoryState {
  const { api } = useConsole();
  const [state, setState] = useState<{ key: string; value: DrawHistoryState }>({ key: '', value: initial });
  const key = `${siteId}\u0000${nodeId}\u0000${range}`;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let points: HistoryPoint[] = [];
    let first = true;
    const poll = async () => {
      const now = Date.now();
      const windowStart = now - rangeMs(range);
      const from = first ? windowStart : nextPollFrom(points, windowStart);
      try {
        const history = await api.get<NodeDrawHistory>(
          'smartCharging',
          sitePaths.nodeHistory(siteId, nodeId),
          { from: new Date(from).toISOString(), maxPoints: first ? FIRST_LOAD_MAX_POINTS : undefined },
        );
        if (stopped) return;
        points = mergeHistory(points, history.points, from, windowStart);
        first = false;
        setState({ key, value: { points, current: history.current, from: windowStart, to: now, loaded: true, error: undefined } });
      } catch (error) {
        if (stopped) return;
        setState((previous) => ({ key, value: { ...(previous.key === key ? previous.value : initial), loaded: true, error } }));
      }
      if (!stopped) timer = setTimeout(() => void poll(), LIVE_REFRESH_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, siteId, nodeId, range, key]);

  return state.key === key ? state.value : initial;
}
