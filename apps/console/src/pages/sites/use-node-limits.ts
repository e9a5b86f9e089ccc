import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { LIVE_REFRESH_MS } from '../../components/live';
import { sitePaths } from './site-paths';
import type { NodeLimits } from './site-types';

/** A node's limits (effective now, every source's schedule), live; the panel and the editor share the one request. */
export function useNodeLimits(siteId: string, nodeId: string) {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['smartCharging', sitePaths.nodeLimits(siteId, nodeId)],
    queryFn: () => api.get<NodeLimits>('smartCharging', sitePaths.nodeLimits(siteId, nodeId)),
    refetchInterval: LIVE_REFRESH_MS,
  });
}
