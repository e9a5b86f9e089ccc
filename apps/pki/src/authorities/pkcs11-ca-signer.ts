import { type KeyObject, createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { ecdsaRawToDer } from '../x509/ecdsa-signature';
import type { SignatureAlgorithm } from '../x509/signature-algorithms';
import type { CaSigner } from './ca-signer';
import { type CaKeySpec, caKeySpecOf, signatureAlgorithmOf } from './ca-key-spec';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';
import { generationTemplate, readPublicKey } from './pkcs11-public-key';
import { type Pkcs11Session, type Pkcs11TokenOptions, findOne, openPkcs11Session, pkcs11ErrorName } from './pkcs11-session';

/** A CA key in an HSM: the token options plus the label its key pair carries (CKA_LABEL). */
export interface Pkcs11KeyOptions extends Pkcs11TokenOptions {
  readonly keyLabel: string;
}

/**
 * A CA key held by a PKCS#11 token (an HSM; SoftHSM2 in tests). The private key is created
 * sensitive and non-extractable and is only ever referred to by its handle: signatures are made
 * inside the token. RSA is signed with CKM_SHA256_RSA_PKCS (the token hashes); ECDSA with
 * CKM_ECDSA over a digest made here, the one ECDSA mechanism every token implements.
 */
export class Pkcs11CaSigner implements CaSigner {
  private constructor(
    private readonly session: Pkcs11Session,
    private readonly privateKey: Buffer,
    readonly keyLabel: string,
    readonly tokenLabel: string,
    readonly algorithm: SignatureAlgorithm,
    readonly publicKey: KeyObject,
  ) {}

  /** Opens the key pair labelled `keyLabel` on the token. */
  static async open(options: Pkcs11KeyOptions): Promise<Pkcs11CaSigner> {
    const session = await openPkcs11Session(options);
    const { module } = session;
    const byLabel = (objectClass: number) => [
      { type: module.CKA_CLASS, value: objectClass },
      { type: module.CKA_LABEL, value: options.keyLabel },
    ];
    const what = (kind: string) => `${kind} key labelled "${options.keyLabel}" on token "${options.tokenLabel}"`;
    const privateKey = findOne(session, byLabel(module.CKO_PRIVATE_KEY), what('private'));
    const publicKey = readPublicKey(session, findOne(session, byLabel(module.CKO_PUBLIC_KEY), what('public')));
    const spec = caKeySpecOf(publicKey);
    return new Pkcs11CaSigner(session, privateKey, options.keyLabel, options.tokenLabel, signatureAlgorithmOf(spec), publicKey);
  }

  /**
   * Generates a CA key pair of `spec` inside the token under `keyLabel` and opens it. The private
   * key is sensitive and non-extractable: not even this process can read it back.
   */
  static async create(options: Pkcs11KeyOptions, spec: CaKeySpec): Promise<Pkcs11CaSigner> {
    const session = await openPkcs11Session(options);
    const { module, pkcs11, handle } = session;
    pkcs11.C_FindObjectsInit(handle, [{ type: module.CKA_LABEL, value: options.keyLabel }]);
    const existing = pkcs11.C_FindObjects(handle, 1);
    pkcs11.C_FindObjectsFinal(handle);
    if (existing.length > 0) throw new CaKeyError(CaKeyErrorCode.keyExists, `a key labelled "${options.keyLabel}" already exists on token "${options.tokenLabel}"`);
    const { mechanism, publicAttributes } = generationTemplate(session, spec);
    const common = [
      { type: module.CKA_TOKEN, value: true },
      { type: module.CKA_LABEL, value: options.keyLabel },
    ];
    pkcs11.C_GenerateKeyPair(
      handle,
      { mechanism },
      [...common, { type: module.CKA_VERIFY, value: true }, ...publicAttributes],
      [
        ...common,
        { type: module.CKA_PRIVATE, value: true },
        { type: module.CKA_SIGN, value: true },
        { type: module.CKA_SENSITIVE, value: true },
        { type: module.CKA_EXTRACTABLE, value: false },
      ],
    );
    return Pkcs11CaSigner.open(options);
  }

  /** Destroys the key pair labelled `keyLabel` (a CA whose creation failed after its key was made). */
  static async destroy(options: Pkcs11KeyOptions): Promise<void> {
    const session = await openPkcs11Session(options);
    const { module, pkcs11, handle } = session;
    try {
      pkcs11.C_FindObjectsInit(handle, [{ type: module.CKA_LABEL, value: options.keyLabel }]);
      const objects = pkcs11.C_FindObjects(handle, 8);
      pkcs11.C_FindObjectsFinal(handle);
      for (const object of objects) pkcs11.C_DestroyObject(handle, object);
    } finally {
      pkcs11.C_CloseSession(handle);
    }
  }

  sign(data: Uint8Array): Promise<Buffer> {
    const { module, pkcs11, handle } = this.session;
    try {
      if (this.algorithm.keyType === 'rsa') {
        const mechanism = { sha256: module.CKM_SHA256_RSA_PKCS, sha384: module.CKM_SHA384_RSA_PKCS, sha512: module.CKM_SHA512_RSA_PKCS }[this.algorithm.digest];
        pkcs11.C_SignInit(handle, { mechanism }, this.privateKey);
        return Promise.resolve(Buffer.from(pkcs11.C_Sign(handle, Buffer.from(data), Buffer.alloc(1024))));
      }
      const digest = createHash(this.algorithm.digest).update(data).digest();
      pkcs11.C_SignInit(handle, { mechanism: module.CKM_ECDSA }, this.privateKey);
      return Promise.resolve(ecdsaRawToDer(pkcs11.C_Sign(handle, digest, Buffer.alloc(256))));
    } catch (error) {
      return Promise.reject(new CaKeyError(CaKeyErrorCode.libraryUnavailable, `the token "${this.tokenLabel}" did not sign (${pkcs11ErrorName(error)})`));
    }
  }

  /** Ends this signer's session (the token stays initialised for other signers). */
  close(): void {
    this.session.pkcs11.C_CloseSession(this.session.handle);
  }

  toJSON(): { kind: 'pkcs11'; token: string; key: string; algorithm: string } {
    return { kind: 'pkcs11', token: this.tokenLabel, key: this.keyLabel, algorithm: this.algorithm.name };
  }

  [inspect.custom](): string {
    return `Pkcs11CaSigner(${this.tokenLabel}/${this.keyLabel}, ${this.algorithm.name})`;
  }
}
