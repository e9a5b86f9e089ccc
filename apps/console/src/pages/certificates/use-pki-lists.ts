import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { SLOW_REFRESH_MS } from '../../components/live';
import type { CertificateAuthority } from './types';

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
