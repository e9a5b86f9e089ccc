import type { TLSSocket } from 'node:tls';
import { checkClientCertificate } from './client-certificate';

function socketWith(authorized: boolean, authorizationError?: string): TLSSocket {
  const certificate = { subject: { O: 'Operator', CN: 'SN-1' } };
  return { getPeerCertificate: () => certificate, authorized, authorizationError } as unknown as TLSSocket;
}

describe('checkClientCertificate', () => {
  it('says a revoked certificate is revoked', () => {
    expect(checkClientCertificate(socketWith(false, 'CERT_REVOKED'), 'Operator', 'SN-1')).toEqual({ invalid: "certificate revoked (listed on its CA's CRL): CERT_REVOKED" });
  });

  it('says when revocation cannot be checked, and keeps codes it has no words for', () => {
    expect(checkClientCertificate(socketWith(false, 'UNABLE_TO_GET_CRL'), 'Operator', 'SN-1')).toEqual({ invalid: expect.stringContaining('no CRL of a CA in the chain') });
    expect(checkClientCertificate(socketWith(false, 'SELF_SIGNED_CERT_IN_CHAIN'), 'Operator', 'SN-1')).toEqual({ invalid: 'certificate not trusted: SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('accepts a trusted certificate of the operator for the registered serial', () => {
    expect(checkClientCertificate(socketWith(true), 'Operator', 'SN-1')).toBe('valid');
    expect(checkClientCertificate(socketWith(true), 'Operator', 'SN-2')).toEqual({ invalid: 'certificate CN "SN-1" is not the station serial number' });
  });
});
