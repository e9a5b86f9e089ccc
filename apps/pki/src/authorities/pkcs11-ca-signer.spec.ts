import { inspect } from 'node:util';
import { describeCaSignerContract } from '../testing/ca-signer.contract';
import { createSoftHsmToken } from '../testing/softhsm-token';
import { CaKeyErrorCode } from './ca-key.error';
import { Pkcs11CaSigner } from './pkcs11-ca-signer';
import { openPkcs11Session } from './pkcs11-session';

// One token for the whole file: SoftHSM reads its configuration once per process.
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
