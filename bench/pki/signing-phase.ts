import type { CaKeySpec } from '@app/pki/authorities/ca-key-spec';
import { decideCsr } from '@app/pki/signing/csr-policy';
import { issueStationCertificate } from '@app/pki/signing/station-certificate.issuer';
import { TEST_ORGANIZATION, issuingHierarchy } from '@app/pki/testing/issuing-hierarchy';
import { OpensslCli } from '@app/pki/testing/openssl-cli';
import { type Throughput, measure } from './throughput';

/** The pairs measured: the station's CSR key and the issuing CA's key (a FileCaSigner). */
const CASES: readonly { name: string; csrKey: string; ca: CaKeySpec }[] = [
  { name: 'EC P-256 CSR, EC P-256 CA', csrKey: 'ec:P-256', ca: { type: 'ec', curve: 'P-256' } },
  { name: 'RSA 2048 CSR, RSA 2048 CA', csrKey: 'rsa:2048', ca: { type: 'rsa', bits: 2048 } },
  { name: 'RSA 2048 CSR, EC P-256 CA', csrKey: 'rsa:2048', ca: { type: 'ec', curve: 'P-256' } },
  { name: 'EC P-256 CSR, RSA 2048 CA', csrKey: 'ec:P-256', ca: { type: 'rsa', bits: 2048 } },
];

/** Distinct CSRs cycled through, so no cache of one key or one parse can help. */
const CSRS_PER_CASE = 32;

/**
 * What a SignCertificate costs the PKI: the CSR policy (parse, key checks, self-signature) and the
 * issuance (TBSCertificate written, signed by the sub-CA's FileCaSigner, chain PEM), one after the
 * other on one core, as the signing flow runs them.
 */
export async function runSigningPhase(seconds: number): Promise<Record<string, Throughput>> {
  const openssl = new OpensslCli();
  const results: Record<string, Throughput> = {};
  for (const testCase of CASES) {
    const hierarchy = await issuingHierarchy(openssl, testCase.ca);
    const csrs = Array.from({ length: CSRS_PER_CASE }, (_, index) => {
      const key = openssl.newKey(`bench-${index}.key`, testCase.csrKey);
      return openssl.csr(key, `/CN=BENCH-${index}/O=${TEST_ORGANIZATION}`);
    });
    results[testCase.name] = await measure(async (index) => {
      const slot = index % CSRS_PER_CASE;
      const decision = decideCsr(csrs[slot] ?? '', { stationSerialNumber: `BENCH-${slot}`, organization: TEST_ORGANIZATION });
      if (decision.outcome !== 'accepted') throw new Error(`the bench CSR was refused: ${decision.refusal.message}`);
      return issueStationCertificate(decision.csr, hierarchy.sub, { validityDays: 365 });
    }, seconds);
    process.stderr.write(`[bench:pki] ${testCase.name}: ${results[testCase.name]?.perSecond}/s\n`);
  }
  return results;
}
