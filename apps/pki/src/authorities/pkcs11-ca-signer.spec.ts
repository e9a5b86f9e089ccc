import { X509Certificate } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { RuntimeConfig } from '@app/config';
import { FakeAuthorities } from '../testing/fake-authorities';
import { OpensslCli } from '../testing/openssl-cli';
import { AuthoritiesService, type NewCa } from './authorities.service';
import { CaKeyStore } from './ca-key-store';
import { CaRegistryErrorCode } from './ca-registry.error';
import type { CertificateAuthorityRepository } from './certificate-authority.repository';
import { inspect } from 'node:util';
import { describeCaSignerContract } from '../testing/ca-signer.contract';
import { createSoftHsmToken } from '../testing/softhsm-token';
import { CaKeyErrorCode } from './ca-key.error';
import { Pkcs11CaSigner } from './pkcs11-ca-signer';
import { openPkcs11Session } from './pkcs11-session';

// One token for the whole file, and every PKCS#11 test in this file: SoftHSM reads its
// configuration once per process, so a token made by another test file would not be seen.
const token = createSoftHsmToken();

describeCaSignerContract('Pkcs11CaSigner (SoftHSM2)', () => (name, spec) => Pkcs11CaSigner.create({ ...token, keyLabel: name }, spec), () => [token.pin, token.soPin]);

describe('Pkcs11CaSigner', () => {
  it('reopens a key pair by its label with the same public key', async () => {
    const created = await Pkcs11CaSigner.create({ ...token, keyLabel: 'reopened' }, { type: 'ec', curve: 'P-384' });
    const reopened = await Pkcs11CaSigner.open({ ...token, keyLabel: 'reopened' });
    expect(reopened.publicKey.export({ type: 'spki', format: 'der' })).toEqual(created.publicKey.export({ type: 'spki', format: 'der' }));
    expect(reopened.algorithm.name).toBe('ecdsa-with-SHA384');
    reopened.close();
  });

  it('keeps the private key inside the token: sensitive and not extractable', async () => {
    await Pkcs11CaSigner.create({ ...token, keyLabel: 'sealed' }, { type: 'rsa', bits: 2048 });
    const session = await openPkcs11Session(token);
    const { module, pkcs11, handle } = session;
    pkcs11.C_FindObjectsInit(handle, [
      { type: module.CKA_CLASS, value: module.CKO_PRIVATE_KEY },
      { type: module.CKA_LABEL, value: 'sealed' },
    ]);
    const [privateKey] = pkcs11.C_FindObjects(handle, 1);
    pkcs11.C_FindObjectsFinal(handle);
    const flags = pkcs11.C_GetAttributeValue(handle, privateKey as Buffer, [{ type: module.CKA_SENSITIVE }, { type: module.CKA_EXTRACTABLE }]);
    expect(flags.map((flag) => flag.value[0])).toEqual([1, 0]);
    expect(() => pkcs11.C_GetAttributeValue(handle, privateKey as Buffer, [{ type: module.CKA_PRIVATE_EXPONENT }])).toThrow(/CKR_ATTRIBUTE_SENSITIVE/);
    pkcs11.C_CloseSession(handle);
  });

  it('refuses to replace an existing key', async () => {
    await Pkcs11CaSigner.create({ ...token, keyLabel: 'only-once' }, { type: 'ec', curve: 'P-256' });
    await expect(Pkcs11CaSigner.create({ ...token, keyLabel: 'only-once' }, { type: 'ec', curve: 'P-256' })).rejects.toMatchObject({ code: CaKeyErrorCode.keyExists });
  });

  it('names a missing key or token', async () => {
    await expect(Pkcs11CaSigner.open({ ...token, keyLabel: 'nowhere' })).rejects.toMatchObject({
      code: CaKeyErrorCode.keyNotFound,
      message: `no private key labelled "nowhere" on token "${token.tokenLabel}"`,
    });
    await expect(Pkcs11CaSigner.open({ ...token, tokenLabel: 'no-such-token', keyLabel: 'x' })).rejects.toMatchObject({ code: CaKeyErrorCode.tokenNotFound });
  });

  it('refuses a wrong PIN without showing any PIN', async () => {
    // A fresh library instance is logged in already by the tests above; log out first so the PIN is checked.
    const session = await openPkcs11Session(token);
    session.pkcs11.C_Logout(session.handle);
    const wrongPin = 'not-the-pin-123';
    const error: unknown = await Pkcs11CaSigner.open({ ...token, pin: wrongPin, keyLabel: 'reopened' }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: CaKeyErrorCode.wrongPin, message: expect.stringContaining('CKR_PIN_INCORRECT') });
    const shown = inspect(error, { showHidden: true, depth: 10 });
    for (const pin of [wrongPin, token.pin, token.soPin]) expect(shown).not.toContain(pin);
  });
});

describe('AuthoritiesService with CA keys in a PKCS#11 token (SoftHSM2)', () => {
  const openssl = new OpensslCli();
  const keyDir = openssl.file('keys');
  const pkcs11 = { library: token.library, tokenLabel: token.tokenLabel, pin: token.pin };
  const config = (pki: Partial<RuntimeConfig['pki']>) => ({ pki: { keyDir, caKeyPassphrase: 'test-only passphrase, not a secret', publicUrl: 'http://pki.test', pkcs11, ...pki } }) as RuntimeConfig;
  const serviceOver = (repository: FakeAuthorities, pki: Partial<RuntimeConfig['pki']> = {}) =>
    new AuthoritiesService(repository as unknown as CertificateAuthorityRepository, new CaKeyStore(config(pki)), config(pki));
  const root: NewCa = { name: 'HSM Root', role: 'root', subject: { commonName: 'HSM Root' }, keyType: 'EC-P384', keyStorage: 'pkcs11', validityDays: 100 };
  const codeOf = (work: Promise<unknown>) => work.then(() => 'resolved', (error: { code?: string }) => error.code);

  it('generates the keys of a root and a sub-CA in the token, records where they are, and signs with them after a restart', async () => {
    const repository = new FakeAuthorities();
    const service = serviceOver(repository);
    const created = await service.create(root);
    const sub = await service.create({ ...root, name: 'HSM Sub', role: 'stationSubCa', parentId: created.id, subject: { commonName: 'HSM Sub' }, keyType: 'RSA-2048' });
    expect(created).toMatchObject({ keyKind: 'pkcs11', keyReference: `pkcs11:token=${token.tokenLabel};object=${created.id}` });
    expect(sub.keyKind).toBe('pkcs11');
    expect(new X509Certificate(sub.certificatePem).verify(new X509Certificate(created.certificatePem).publicKey)).toBe(true);
    expect(readdirSync(openssl.dir).includes('keys') ? readdirSync(keyDir) : []).toEqual([]);

    // Another process (a fresh service over the same records) opens the sub-CA's key in the token.
    const reopened = await serviceOver(repository).issuing('stationSubCa');
    expect(reopened?.record.id).toBe(sub.id);
    const shown = inspect(reopened, { depth: 6 });
    expect(shown).not.toContain(token.pin);
  });

  it('refuses a PKCS#11 CA when no token is configured, and a key recorded on another token', async () => {
    expect(await codeOf(serviceOver(new FakeAuthorities(), { pkcs11: undefined }).create({ ...root, name: 'No token' }))).toBe(CaRegistryErrorCode.keyStoreUnavailable);
    const repository = new FakeAuthorities();
    const created = await serviceOver(repository).create({ ...root, name: 'Moved' });
    const elsewhere = serviceOver(repository, { pkcs11: { ...pkcs11, tokenLabel: 'another-token' } });
    expect(await codeOf(elsewhere.open(created))).toBe(CaRegistryErrorCode.keyStoreUnavailable);
  });

  it('destroys the token key of a CA that is not stored after all, so that nothing is left in the HSM', async () => {
    const keys = new CaKeyStore(config({}));
    const key = await keys.create('discarded-ca', { type: 'ec', curve: 'P-256' }, 'pkcs11');
    await expect(keys.open(key.kind, key.reference)).resolves.toBeDefined();
    await keys.discard(key.kind, key.reference);
    await expect(keys.open(key.kind, key.reference)).rejects.toMatchObject({ code: CaKeyErrorCode.keyNotFound });
  });
});
