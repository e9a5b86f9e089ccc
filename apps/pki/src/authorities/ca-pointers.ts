import type { RevocationPointers } from './certificate-profiles';

/**
 * The CRL and OCSP URLs a new CA writes into what it issues, unless the request names others:
 * this PKI's own routes (revocation/revocation-status.controller.ts: GET /api/crls/:caId, POST
 * /api/ocsp, one responder for every CA), reached at PKI_PUBLIC_URL. One place, so the routes and
 * the URLs in certificates cannot drift apart.
 */
export function defaultRevocationPointers(publicUrl: string, caId: string): RevocationPointers {
  return { crlUrl: `${publicUrl}/api/crls/${caId}`, ocspUrl: `${publicUrl}/api/ocsp` };
}
