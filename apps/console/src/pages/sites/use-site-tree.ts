import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { SLOW_REFRESH_MS } from '../../components/live';
import { sitePaths } from './site-paths';
import type { SiteTree, TreeNode } from './site-types';

/** The site's tree for the page: readers and the grid operators granted the site may read it. */
export function useSiteTree(siteId: string) {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['smartCharging', 'site-tree', siteId],
    queryFn: async (): Promise<{ name: string | null; root: TreeNode }> => {
      const tree = await api.get<SiteTree>('smartCharging', sitePaths.site(siteId));
      return { name: tree.name, root: tree.root };
    },
    refetchInterval: SLOW_REFRESH_MS,
  });
}
