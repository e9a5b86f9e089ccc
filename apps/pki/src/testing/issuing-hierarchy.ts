import { createRootCa, createSubCa } from '../authorities/ca-hierarchy';
import type { CaKeySpec } from '../authorities/ca-key-spec';
import type { CertificateAuthority } from '../authorities/certificate-authority';
import { FileCaSigner } from '../authorities/file-ca-signer';
import { decideCsr } from '../signing/csr-policy';
import { type IssuedStationCertificate, issueStationCertificate } from '../signing/station-certificate.issuer';
import { toPem } from '../x509/pem';
import type { OpensslCli } from './openssl-cli';

export const TEST_CA_PASSPHRASE = 'test-only passphrase, not a secret';
export const TEST_ORGANIZATION = 'Example Charging Ltd';

/** Test-only: a root and an issuing sub-CA on file signers, written as root.pem and sub.pem for openssl. */
export interface IssuingHierarchy {
  readonly root: CertificateAuthority;
  readonly sub: CertificateAuthority;
  /** Issues a station certificate for a fresh openssl key of `keySpec` and writes it as `<name>.pem`. */
  issue(name: string, keySpec?: string): Promise<IssuedStationCertificate>;
}

let counter = 0;

export async function issuingHierarchy(openssl: OpensslCli, spec: CaKeySpec): Promise<IssuingHierarchy> {
  const signer = () => FileCaSigner.create(openssl.file(`ca-${(counter += 1)}.key`), spec, TEST_CA_PASSPHRASE);
  const root = await createRootCa(await signer(), { subject: { commonName: 'Test Root', organization: TEST_ORGANIZATION }, validityDays: 365, pointers: {} });
  const sub = await createSubCa(root, await signer(), {
    subject: { commonName: 'Test Stations CA', organization: TEST_ORGANIZATION },
    validityDays: 100,
    pointers: { crlUrl: 'http://pki.example/crl', ocspUrl: 'http://pki.example/ocsp' },
  });
  openssl.write('root.pem', toPem('CERTIFICATE', root.certificate));
  openssl.write('sub.pem', toPem('CERTIFICATE', sub.certificate));
  return {
    root,
    sub,
    async issue(name, keySpec = 'ec:P-256') {
      const key = openssl.newKey(`${name}.key`, keySpec);
      const decision = decideCsr(openssl.csr(key, `/CN=${name}/O=${TEST_ORGANIZATION}`), { stationSerialNumber: name, organization: TEST_ORGANIZATION });
      if (decision.outcome !== 'accepted') throw new Error(decision.refusal.message);
      const issued = await issueStationCertificate(decision.csr, sub, { validityDays: 30 });
      openssl.write(`${name}.pem`, toPem('CERTIFICATE', issued.der));
      return issued;
    },
  };
}
