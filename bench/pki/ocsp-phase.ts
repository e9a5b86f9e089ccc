import { readFileSync } from 'node:fs';
import type { CaKeySpec } from '@app/pki/authorities/ca-key-spec';
import { type CertificateStatus, type CertificateStatusSource, IssuerIndex, type IssuingAuthority } from '@app/pki/revocation/certificate-status';
import { signCrl } from '@app/pki/revocation/crl.builder';
import type { CertIdHash } from '@app/pki/revocation/ocsp-request.reader';
import { OcspResponder } from '@app/pki/revocation/ocsp.responder';
import { issuingHierarchy } from '@app/pki/testing/issuing-hierarchy';
import { OpensslCli } from '@app/pki/testing/openssl-cli';
import { type Throughput, measure } from './throughput';

/** Statuses from memory: the phase measures the responder (parse, match, write, sign), not a database. */
class InMemoryStatus implements CertificateStatusSource {
  private readonly index: IssuerIndex;
  constructor(issuer: IssuingAuthority) {
    this.index = new IssuerIndex([issuer]);
  }
  issuerOf(hash: CertIdHash, nameHash: Buffer, keyHash: Buffer): Promise<IssuingAuthority | undefined> {
    return Promise.resolve(this.index.find(hash, nameHash, keyHash));
  }
  statusOf(): Promise<CertificateStatus> {
    return Promise.resolve({ status: 'good' });
  }
}

export interface RevocationPhaseResult {
  ocspAnswers: Record<string, Throughput>;
  /** Signing one CRL of `crlEntries` revoked certificates. */
  crlSigning: Record<string, Throughput & { crlEntries: number; crlBytes: number }>;
}

const CAS: readonly [string, CaKeySpec][] = [
  ['EC P-256 CA', { type: 'ec', curve: 'P-256' }],
  ['RSA 2048 CA', { type: 'rsa', bits: 2048 }],
];

/** OCSP answers per second (an openssl request with a nonce, a fresh signed response each) and CRL signing time. */
export async function runRevocationPhase(seconds: number, crlEntries: number): Promise<RevocationPhaseResult> {
  const openssl = new OpensslCli();
  const result: RevocationPhaseResult = { ocspAnswers: {}, crlSigning: {} };
  for (const [name, spec] of CAS) {
    const hierarchy = await issuingHierarchy(openssl, spec);
    await hierarchy.issue('OCSP-BENCH');
    openssl.run(['ocsp', '-issuer', 'sub.pem', '-cert', 'OCSP-BENCH.pem', '-reqout', 'bench-req.der']);
    const request = readFileSync(openssl.file('bench-req.der'));
    const responder = new OcspResponder(new InMemoryStatus({ id: 'sub', authority: hierarchy.sub }), { validityMs: 3600_000 });
    result.ocspAnswers[name] = await measure(() => responder.answer(request), seconds);
    process.stderr.write(`[bench:pki] OCSP, ${name}: ${result.ocspAnswers[name]?.perSecond}/s\n`);

    const now = new Date();
    const revoked = Array.from({ length: crlEntries }, (_, index) => ({ serialNumber: (0x4000000000000000n + BigInt(index) * 7919n).toString(16), revokedAt: now, reason: 'keyCompromise' as const }));
    let crlBytes = 0;
    const timing = await measure(
      async () => {
        crlBytes = (await signCrl({ authority: hierarchy.sub, thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1n, revoked })).length;
      },
      Math.min(seconds, 2),
      100,
    );
    result.crlSigning[name] = { ...timing, crlEntries, crlBytes };
  }
  return result;
}
