import { verify } from 'node:crypto';
import { inspect } from 'node:util';
import { createRootCa, createSubCa } from '../authorities/ca-hierarchy';
import type { CaKeySpec } from '../authorities/ca-key-spec';
import type { CaSigner } from '../authorities/ca-signer';
import { decideCsr } from '../signing/csr-policy';
import { issueStationCertificate } from '../signing/station-certificate.issuer';
import { toPem } from '../x509/pem';
import { OpensslCli } from './openssl-cli';

/** Makes a new signer whose key has `spec`; `name` is unique per call (a file name, a key label). */
export type SignerFactory = (name: string, spec: CaKeySpec) => Promise<CaSigner>;

const organization = 'Example Charging Ltd';

/**
 * Test-only: what every CaSigner must do, run against each implementation (file, PKCS#11): sign
 * verifiably with each CA key type, and carry a CA hierarchy whose station certificates openssl
 * verify accepts. `secrets` are strings (passphrase, PIN) that must never show in the signer.
 */
export function describeCaSignerContract(label: string, factory: () => SignerFactory, secrets: () => string[]): void {
  describe(`${label} as a CaSigner`, () => {
    const openssl = new OpensslCli();
    let counter = 0;
    const create = (spec: CaKeySpec) => factory()(`ca-${(counter += 1)}`, spec);

    it.each<[string, CaKeySpec, string]>([
      ['EC P-256', { type: 'ec', curve: 'P-256' }, 'ecdsa-with-SHA256'],
      ['EC P-384', { type: 'ec', curve: 'P-384' }, 'ecdsa-with-SHA384'],
      ['RSA 2048', { type: 'rsa', bits: 2048 }, 'sha256WithRSAEncryption'],
    ])('signs with an %s key so that its public key verifies', async (_name, spec, algorithm) => {
      const signer = await create(spec);
      expect(signer.algorithm.name).toBe(algorithm);
      const data = Buffer.from('a TBSCertificate stands here');
      const signature = await signer.sign(data);
      expect(verify(signer.algorithm.digest, data, signer.publicKey, signature)).toBe(true);
      expect(verify(signer.algorithm.digest, Buffer.from('other data'), signer.publicKey, signature)).toBe(false);
    });

    describe.each<[string, CaKeySpec, CaKeySpec]>([
      ['EC P-384 root and EC P-256 sub-CA', { type: 'ec', curve: 'P-384' }, { type: 'ec', curve: 'P-256' }],
      ['RSA 2048 root and sub-CA', { type: 'rsa', bits: 2048 }, { type: 'rsa', bits: 2048 }],
    ])('with an %s', (_name, rootSpec, subSpec) => {
      it.each(['rsa:2048', 'ec:P-256', 'ec:P-384'])('issues for a %s CSR a chain openssl verify accepts', async (keySpec) => {
        const root = await createRootCa(await create(rootSpec), { subject: { commonName: 'Root', organization }, validityDays: 365, pointers: {} });
        const sub = await createSubCa(root, await create(subSpec), { subject: { commonName: 'Stations', organization }, validityDays: 100, pointers: { crlUrl: 'http://pki.example/s.crl' } });
        const key = openssl.newKey(`station-${(counter += 1)}.key`, keySpec);
        const decision = decideCsr(openssl.csr(key, `/CN=SN-7/O=${organization}`), { stationSerialNumber: 'SN-7', organization });
        if (decision.outcome !== 'accepted') throw new Error(decision.refusal.message);
        const issued = await issueStationCertificate(decision.csr, sub, { validityDays: 30 });
        openssl.write('root.pem', toPem('CERTIFICATE', root.certificate));
        openssl.write('sub.pem', toPem('CERTIFICATE', sub.certificate));
        openssl.write('station.pem', toPem('CERTIFICATE', issued.der));
        expect(openssl.attempt(['verify', '-purpose', 'sslclient', '-CAfile', 'root.pem', '-untrusted', 'sub.pem', 'station.pem'])).toEqual({ status: 0, output: 'station.pem: OK\n' });
      });
    });

    it('shows no secret when serialised or inspected', async () => {
      const signer = await create({ type: 'ec', curve: 'P-256' });
      const views = [JSON.stringify(signer), inspect(signer, { showHidden: true, depth: 10 }), String(signer)];
      for (const view of views) for (const secret of secrets()) expect(view).not.toContain(secret);
    });
  });
}
