import { createSign, generateKeyPairSync, sign, verify } from 'node:crypto';
import { ecdsaRawToDer } from './ecdsa-signature';

describe('ecdsaRawToDer', () => {
  it.each(['prime256v1', 'secp384r1', 'secp521r1'])('turns r‖s on %s into the DER node verifies, for many signatures', (namedCurve) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
    // Many signatures so that r or s with a top bit set or a leading zero octet both occur.
    for (let i = 0; i < 200; i += 1) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', data, publicKey, ecdsaRawToDer(raw))).toBe(true);
    }
  });

  it('writes exactly what node writes as DER', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = createSign('sha256').update('x').sign(privateKey);
    const [r, s] = [readInteger(der, 2), readInteger(der, 2 + 2 + (der[3] as number))];
    const raw = Buffer.concat([r, s].map((integer) => Buffer.concat([Buffer.alloc(32 - integer.length), integer])));
    expect(ecdsaRawToDer(raw)).toEqual(der);
  });

  it('refuses an odd-length input', () => {
    expect(() => ecdsaRawToDer(Buffer.alloc(63))).toThrow(RangeError);
  });
});

/** The unsigned value of the DER INTEGER at `offset`. */
function readInteger(der: Buffer, offset: number): Buffer {
  const length = der[offset + 1] as number;
  const value = der.subarray(offset + 2, offset + 2 + length);
  return value[0] === 0 ? value.subarray(1) : value;
}
