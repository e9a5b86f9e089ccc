import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { SLOW_REFRESH_MS } from '../../components/live';
import { revocationsByKey } from './issued';
import type { CertificateAuthority, Revocation } from './types';

/** Every CA of the PKI (a short list): the hierarchy, and the names other tabs show for a CA id. */
export function useCertificateAuthorities() {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['pki', '/certificate-authorities'],
    queryFn: ({ signal }) => api.get<{ items: CertificateAuthority[] }>('pki', '/certificate-authorities', undefined, signal),
    refetchInterval: SLOW_REFRESH_MS,
  });
}

/** Names by CA id, the id itself for one that is not (or not yet) known. */
export function useCaNames(): (caId: string | undefined) => string {
  const cas = useCertificateAuthorities().data?.items ?? [];
  const names = new Map(cas.map((ca) => [ca.id, ca.name]));
  return (caId) => (caId ? (names.get(caId) ?? caId) : '—');
}

/** How many recent revocations the Issued tab matches its certificates against (the API's largest page). */
export const REVOCATION_LOOKUP_LIMIT = 500;

/**
 * Issued certificates carry no status: the revocations say which are revoked. The latest 500 are read, which covers
 * any fleet's recent revocations; `complete` says whether older ones exist that could not be matched.
 */
export function useRevocationIndex() {
  const { api } = useConsole();
  const query = useQuery({
    queryKey: ['pki', '/revocations', { limit: REVOCATION_LOOKUP_LIMIT }],
    queryFn: ({ signal }) => api.get<{ items: Revocation[]; nextCursor?: string | null }>('pki', '/revocations', { limit: REVOCATION_LOOKUP_LIMIT }, signal),
    refetchInterval: SLOW_REFRESH_MS,
  });
  return { query, revoked: revocationsByKey(query.data?.items ?? []), complete: !query.data?.nextCursor };
}
