import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNTIME_CONFIG, type PkiPkcs11Config, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { CaKeySpec } from './ca-key-spec';
import { CaKeyError } from './ca-key.error';
import { CaRegistryError, CaRegistryErrorCode } from './ca-registry.error';
import type { CaSigner } from './ca-signer';
import { FileCaSigner } from './file-ca-signer';
import { Pkcs11CaSigner } from './pkcs11-ca-signer';

export type CaKeyStorage = 'file' | 'pkcs11';

/** A CA key as the registry records it: where it is, never what it is. */
export interface StoredCaKey {
  signer: CaSigner;
  kind: CaKeyStorage;
  /** The file's path, or the token object as an RFC 7512 URI (`pkcs11:token=…;object=<caId>`). */
  reference: string;
}

const PKCS11_REFERENCE = /^pkcs11:token=([^;]+);object=([^;]+)$/;

/**
 * Where CA keys live: encrypted PKCS#8 files under PKI_KEY_DIR, one per CA named by its id,
 * decrypted with PKI_CA_KEY_PASSPHRASE; or, for CAs created with keyStorage "pkcs11", key pairs
 * generated inside the PKCS#11 token of PKI_PKCS11_*, labelled with the CA's id and never
 * extractable. The registry stores the reference, never the key.
 */
@Injectable()
export class CaKeyStore {
  private readonly keyDir: string | undefined;
  private readonly passphrase: string | undefined;
  private readonly token: PkiPkcs11Config | undefined;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.keyDir = config.pki.keyDir;
    this.passphrase = config.pki.caKeyPassphrase;
    this.token = config.pki.pkcs11;
  }

  /** A new key for CA `caId`: an encrypted file, or a key pair generated in the token. */
  async create(caId: string, spec: CaKeySpec, storage: CaKeyStorage = 'file'): Promise<StoredCaKey> {
    if (storage === 'pkcs11') {
      const token = this.tokenOrRefuse();
      const signer = await Pkcs11CaSigner.create({ ...token, keyLabel: caId }, spec);
      return { signer, kind: 'pkcs11', reference: `pkcs11:token=${token.tokenLabel};object=${caId}` };
    }
    const { file, passphrase } = await this.prepare(caId);
    return { signer: await FileCaSigner.create(file, spec, passphrase), kind: 'file', reference: file };
  }

  /**
   * Keeps an imported encrypted key for CA `caId` and opens it: it must be encrypted under
   * PKI_CA_KEY_PASSPHRASE and be a key a CA may have. A refused key leaves no file behind.
   */
  async import(caId: string, encryptedKeyPem: string): Promise<StoredCaKey> {
    const { file, passphrase } = await this.prepare(caId);
    await writeFile(file, encryptedKeyPem, { mode: 0o600, flag: 'wx' });
    try {
      return { signer: await FileCaSigner.open(file, passphrase), kind: 'file', reference: file };
    } catch (error) {
      await this.discard('file', file);
      if (error instanceof CaKeyError) throw new CaRegistryError(CaRegistryErrorCode.invalidKey, `the imported key is refused: ${error.message.replace(file, 'it')}`);
      throw error;
    }
  }

  /** Opens the signer of a stored CA. */
  async open(kind: CaKeyStorage, reference: string): Promise<CaSigner> {
    if (kind === 'file') return FileCaSigner.open(reference, this.passphrase);
    return Pkcs11CaSigner.open({ ...this.tokenOf(reference), keyLabel: this.objectOf(reference) });
  }

  /** Removes a key whose CA was not stored after all (a refused import, a failed creation, a lost race for the name). */
  async discard(kind: CaKeyStorage, reference: string): Promise<void> {
    if (kind === 'file') return rm(reference, { force: true });
    await Pkcs11CaSigner.destroy({ ...this.tokenOf(reference), keyLabel: this.objectOf(reference) });
  }

  private tokenOrRefuse(): PkiPkcs11Config {
    if (this.token === undefined) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, 'PKI_PKCS11_LIBRARY, PKI_PKCS11_TOKEN_LABEL and PKI_PKCS11_PIN are not set: there is no HSM token to keep the key in');
    return this.token;
  }

  private tokenOf(reference: string): PkiPkcs11Config {
    const token = this.tokenOrRefuse();
    const label = PKCS11_REFERENCE.exec(reference)?.[1];
    if (label !== token.tokenLabel) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, `the CA key is on token "${label ?? '?'}", not on PKI_PKCS11_TOKEN_LABEL "${token.tokenLabel}"`);
    return token;
  }

  private objectOf(reference: string): string {
    return PKCS11_REFERENCE.exec(reference)?.[2] ?? '';
  }

  private async prepare(caId: string): Promise<{ file: string; passphrase: string }> {
    if (this.keyDir === undefined) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, 'PKI_KEY_DIR is not set: there is nowhere to keep CA keys');
    if (this.passphrase === undefined) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, 'PKI_CA_KEY_PASSPHRASE is not set: CA keys are never stored unencrypted');
    await mkdir(this.keyDir, { recursive: true, mode: 0o700 });
    return { file: join(this.keyDir, `${caId}.key.pem`), passphrase: this.passphrase };
  }
}
