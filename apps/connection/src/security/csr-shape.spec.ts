import { MAX_CSR_CHARACTERS, csrShapeOf } from './csr-shape';

const pem = (body: string) => `-----BEGIN CERTIFICATE REQUEST-----\n${body}\n-----END CERTIFICATE REQUEST-----\n`;

describe('csrShapeOf', () => {
  // openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/O=Operator/CN=SN-1"
  const csrPem = pem(
    [
      'MIHdMIGEAgEAMCIxETAPBgNVBAoMCE9wZXJhdG9yMQ0wCwYDVQQDDARTTi0xMFkw',
      'EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElQJ5yXg0JryYl5r20AJswL3aJ8ZXxMiC',
      'DRd//cFrrZah6WZLM6lgJ76/PyhWcm/59qvjyJqs8tv15SQO8ihi1qAAMAoGCCqG',
      'SM49BAMCA0gAMEUCIQC4qwazIzmOTBLs0gcJpKOvafOSDXZyL/TmN7uYGVEVDwIg',
      'F1SakBZEbjEYCL4byTdcJxqDKnby9jHJyQAusmhCkXc=',
    ].join('\n'),
  );

  it('accepts a PEM PKCS#10 request, also under the NEW CERTIFICATE REQUEST label', () => {
    expect(csrShapeOf(csrPem)).toEqual({ ok: true });
    expect(csrShapeOf(csrPem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST'))).toEqual({ ok: true });
  });

  it('rejects a CSR above 5,500 characters before reading it', () => {
    expect(csrShapeOf(csrPem + ' '.repeat(MAX_CSR_CHARACTERS))).toEqual({ ok: false, reason: expect.stringContaining('at most 5500') });
  });

  it.each([
    ['a certificate instead of a request', csrPem.replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE')],
    ['two requests', csrPem + csrPem],
    ['text that is not base64', pem('not base64!')],
    ['no PEM at all', 'MIIB...'],
  ])('rejects %s as not one PEM CERTIFICATE REQUEST', (_name, text) => {
    expect(csrShapeOf(text)).toEqual({ ok: false, reason: 'not one PEM block labelled CERTIFICATE REQUEST' });
  });

  it.each([
    ['base64 that is not DER', pem(Buffer.from('hello world').toString('base64'))],
    ['a truncated request', pem(Buffer.from(csrPem.split('\n').slice(1, -2).join(''), 'base64').subarray(0, 60).toString('base64'))],
    ['a SEQUENCE of the wrong parts', pem(Buffer.from([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).toString('base64'))],
  ])('rejects %s as not a PKCS#10 request', (_name, text) => {
    expect(csrShapeOf(text)).toEqual({ ok: false, reason: 'the PEM block does not hold a PKCS#10 certification request' });
  });
});
