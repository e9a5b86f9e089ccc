import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { SLOW_REFRESH_MS } from '../../components/live';
import { sitePaths } from './site-paths';
import type { SiteDrawHistory, SiteTree, TreeNode } from './site-types';
import { flatTree } from './topology';

/**
 * The site's tree for the page. Readers get the topology; a grid operator may not read it, only the limits and
 * history of its site's nodes, so it gets the node ids of the site's draw history, flat under the root.
 */
export function useSiteTree(siteId: string) {
  const { api, caller } = useConsole();
  const readsTopology = capabilities.reads(caller);
  return useQuery({
    queryKey: ['smartCharging', 'site-tree', siteId, readsTopology],
    queryFn: async (): Promise<{ name: string | null; root: TreeNode; flat: boolean }> => {
      if (readsTopology) {
        const tree = await api.get<SiteTree>('smartCharging', sitePaths.site(siteId));
        return { name: tree.name, root: tree.root, flat: false };
      }
      const history = await api.get<SiteDrawHistory>('smartCharging', sitePaths.siteHistory(siteId), { from: new Date(Date.now() - 60_000).toISOString(), maxPoints: 1 });
      return { name: null, root: flatTree(siteId, history.nodes.map((node) => node.nodeId)), flat: true };
    },
    refetchInterval: SLOW_REFRESH_MS,
  });
}
