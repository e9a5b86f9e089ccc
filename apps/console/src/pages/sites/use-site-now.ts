import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { LIVE_REFRESH_MS } from '../../components/live';
import { latestFigures } from './draw-history';
import { sitePaths } from './site-paths';
import type { NodeDrawHistory } from './site-types';

/** How far back the list looks for a site's latest sample: a few sample periods (15 s by default). */
const RECENT_MS = 2 * 60_000;

/**
 * A site's limit and draw now, from its root node's draw history: the one figure every role that sees a site may
 * read (grid operators may not read the topology or the allocation).
 */
export function useSiteNow(siteId: string) {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['smartCharging', 'site-now', siteId],
    queryFn: async () => {
      const history = await api.get<NodeDrawHistory>('smartCharging', sitePaths.nodeHistory(siteId, siteId), { from: new Date(Date.now() - RECENT_MS).toISOString() });
      return latestFigures(history, history.points);
    },
    refetchInterval: LIVE_REFRESH_MS,
  });
}
