/**
 * The CSR policy reads attacker-controlled bytes: whatever a station sends, decideCsr must answer
 * with a decision (never throw, never accept something broken). fast-check mutates a real openssl
 * CSR: flipped bytes, truncations, insertions.
 */
import fc from 'fast-check';
import { OpensslCli } from '../testing/openssl-cli';
import { pemBlocks, toPem } from '../x509/pem';
import { decideCsr } from './csr-policy';

const expected = { stationSerialNumber: 'SN-1', organization: 'Org' };

describe('decideCsr on mutated CSRs', () => {
  const openssl = new OpensslCli();
  const pem = openssl.csr(openssl.newKey('k.key', 'ec:P-256'), '/CN=SN-1/O=Org', ['-addext', 'subjectAltName=DNS:a.example']);
  const der = (pemBlocks(pem) ?? [])[0]?.der ?? Buffer.alloc(0);

  it('always decides, and accepts only the intact CSR', () => {
    expect(decideCsr(pem, expected).outcome).toBe('accepted');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(der.length - 1), mask: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(der.length - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(der.length), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(mutation, (m) => {
        const bytes = Buffer.from(der);
        const mutated =
          m.kind === 'flip'
            ? (bytes.writeUInt8((bytes[m.at] as number) ^ m.mask, m.at), bytes)
            : m.kind === 'cut'
              ? bytes.subarray(0, m.at)
              : Buffer.concat([bytes.subarray(0, m.at), Buffer.from(m.bytes), bytes.subarray(m.at)]);
        const decision = decideCsr(toPem('CERTIFICATE REQUEST', mutated), expected);
        // A flip inside the signature's DER padding cannot exist (DER is minimal), so any change is refused.
        expect(decision.outcome).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });
});
