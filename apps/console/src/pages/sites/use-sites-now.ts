import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { latestFigures } from './draw-history';
import { sitePaths } from './site-paths';
import type { NodeDrawHistory } from './site-types';

/** How far back the list looks for a site's latest sample: a few sample periods (15 s by default). */
const RECENT_MS = 2 * 60_000;

/**
 * How often the list refreshes its "now" cells. A list is for finding a site, not for watching it (its page charts it
 * every few seconds): one batch every 30 s keeps a page of 50 sites under 2 requests a second per open console.
 */
export const SITES_NOW_REFRESH_MS = 30_000;

export type SiteNow = { ok: true; limitA: [number, number, number] | null; limitW: number | null; drawnA: [number, number, number] | null } | { ok: false; message: string };

/**
 * The limit and draw now of the listed sites, from each root node's draw history (readable by viewers and by grid
 * operators for their granted sites), fetched together in one query: one site's failure shows in its own row only.
 * The service has no batch read of the newest samples yet; one would turn this into a single request.
 */
export function useSitesNow(siteIds: readonly string[]) {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['smartCharging', 'sites-now', siteIds],
    queryFn: async (): Promise<Map<string, SiteNow>> => {
      const from = new Date(Date.now() - RECENT_MS).toISOString();
      const answers = await Promise.allSettled(siteIds.map((siteId) => api.get<NodeDrawHistory>('smartCharging', sitePaths.nodeHistory(siteId, siteId), { from })));
      return new Map(
        answers.map((answer, index): [string, SiteNow] => [
          siteIds[index] as string,
          answer.status === 'fulfilled'
            ? { ok: true, ...latestFigures(answer.value, answer.value.points) }
            : { ok: false, message: answer.reason instanceof Error ? answer.reason.message : String(answer.reason) },
        ]),
      );
    },
    refetchInterval: SITES_NOW_REFRESH_MS,
  });
}
