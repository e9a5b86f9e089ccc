import { verify } from 'node:crypto';
import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import pino from 'pino';
import { describeCaSignerContract } from '../testing/ca-signer.contract';
import { OpensslCli } from '../testing/openssl-cli';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';
import type { CaKeySpec } from './ca-key-spec';
import { FileCaSigner } from './file-ca-signer';

const passphrase = 'test-only passphrase, not a secret';

describeCaSignerContract(
  'FileCaSigner',
  () => {
    const folder = new OpensslCli();
    return (name, spec) => FileCaSigner.create(folder.file(`${name}.key`), spec, passphrase);
  },
  () => [passphrase],
);

describe('FileCaSigner', () => {
  const openssl = new OpensslCli();

  it.each<[string, CaKeySpec, string]>([
    ['EC P-256', { type: 'ec', curve: 'P-256' }, 'ecdsa-with-SHA256'],
    ['EC P-384', { type: 'ec', curve: 'P-384' }, 'ecdsa-with-SHA384'],
    ['RSA 2048', { type: 'rsa', bits: 2048 }, 'sha256WithRSAEncryption'],
  ])('creates an encrypted %s key file, reopens it and signs with it', async (label, spec, algorithm) => {
    const file = openssl.file(`${label.replace(/\W/g, '')}.key`);
    await FileCaSigner.create(file, spec, passphrase);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // openssl, not our code, confirms the file is encrypted PKCS#8 that this passphrase opens.
    expect(openssl.attempt(['pkey', '-in', file, '-passin', 'pass:wrong passphrase', '-noout']).status).not.toBe(0);
    expect(openssl.attempt(['pkey', '-in', file, '-passin', `pass:${passphrase}`, '-noout']).status).toBe(0);
    const signer = await FileCaSigner.open(file, passphrase);
    expect(signer.algorithm.name).toBe(algorithm);
    const data = Buffer.from('to be signed');
    expect(verify(signer.algorithm.digest, data, signer.publicKey, await signer.sign(data))).toBe(true);
  });

  it('opens a key that openssl encrypted', async () => {
    const file = openssl.file('openssl-made.key');
    openssl.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-aes-256-cbc', '-pass', `pass:${passphrase}`, '-out', file]);
    expect((await FileCaSigner.open(file, passphrase)).algorithm.name).toBe('ecdsa-with-SHA256');
  });

  it('refuses an unencrypted key file', async () => {
    const file = openssl.newKey('plain.key', 'ec:P-256');
    await expect(FileCaSigner.open(file, passphrase)).rejects.toMatchObject({ code: CaKeyErrorCode.notEncrypted });
  });

  it('refuses when no passphrase is configured or it is wrong', async () => {
    const file = openssl.file('wrong.key');
    await FileCaSigner.create(file, { type: 'ec', curve: 'P-256' }, passphrase);
    await expect(FileCaSigner.open(file, undefined)).rejects.toMatchObject({ code: CaKeyErrorCode.wrongPassphrase, message: `${file} is encrypted and PKI_CA_KEY_PASSPHRASE is not set` });
    await expect(FileCaSigner.open(file, 'another passphrase entirely')).rejects.toMatchObject({ code: CaKeyErrorCode.wrongPassphrase });
  });

  it('refuses keys a CA may not have', async () => {
    const file = openssl.file('p521.key');
    openssl.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521', '-aes-256-cbc', '-pass', `pass:${passphrase}`, '-out', file]);
    await expect(FileCaSigner.open(file, passphrase)).rejects.toMatchObject({ code: CaKeyErrorCode.unsupportedKey, message: expect.stringContaining('not ec secp521r1') });
  });

  it('never overwrites a key file and reports a missing one', async () => {
    const file = openssl.file('kept.key');
    await FileCaSigner.create(file, { type: 'ec', curve: 'P-256' }, passphrase);
    await expect(FileCaSigner.create(file, { type: 'ec', curve: 'P-256' }, passphrase)).rejects.toMatchObject({ code: CaKeyErrorCode.fileExists });
    await expect(FileCaSigner.open(openssl.file('missing.key'), passphrase)).rejects.toMatchObject({ code: CaKeyErrorCode.fileUnreadable });
  });

  it('shows no key material or passphrase in logs, JSON, inspection or errors', async () => {
    const file = openssl.file('secret.key');
    const signer = await FileCaSigner.create(file, { type: 'rsa', bits: 2048 }, passphrase);
    // The decrypted key as openssl prints it: none of its base64 lines may appear anywhere.
    const clear = openssl.run(['pkey', '-in', file, '-passin', `pass:${passphrase}`]);
    const keyLines = clear.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
    const error: unknown = await FileCaSigner.open(file, 'another passphrase entirely').catch((failure: unknown) => failure);

    let logged = '';
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => ((logged += String(chunk)), done()) }));
    logger.info({ signer, error }, 'ca signer opened');

    const views = [logged, JSON.stringify(signer), inspect(signer, { showHidden: true, depth: 10 }), inspect(error, { showHidden: true, depth: 10 })];
    expect(error).toBeInstanceOf(CaKeyError);
    expect(logged).toContain(file);
    for (const view of views) {
      expect(view).not.toContain(passphrase);
      for (const line of keyLines) expect(view).not.toContain(line);
    }
  });
});
