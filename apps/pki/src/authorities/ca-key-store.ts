import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { CaKeySpec } from './ca-key-spec';
import { CaKeyError } from './ca-key.error';
import { CaRegistryError, CaRegistryErrorCode } from './ca-registry.error';
import type { CaSigner } from './ca-signer';
import { FileCaSigner } from './file-ca-signer';

/**
 * Where CA keys live: encrypted PKCS#8 files under PKI_KEY_DIR, one per CA named by its id,
 * decrypted with PKI_CA_KEY_PASSPHRASE. The registry stores the file's path, never the key.
 */
@Injectable()
export class CaKeyStore {
  private readonly keyDir: string | undefined;
  private readonly passphrase: string | undefined;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.keyDir = config.pki.keyDir;
    this.passphrase = config.pki.caKeyPassphrase;
  }

  /** A new key for CA `caId`, written encrypted. */
  async create(caId: string, spec: CaKeySpec): Promise<FileCaSigner> {
    const { file, passphrase } = await this.prepare(caId);
    return FileCaSigner.create(file, spec, passphrase);
  }

  /**
   * Keeps an imported encrypted key for CA `caId` and opens it: it must be encrypted under
   * PKI_CA_KEY_PASSPHRASE and be a key a CA may have. A refused key leaves no file behind.
   */
  async import(caId: string, encryptedKeyPem: string): Promise<FileCaSigner> {
    const { file, passphrase } = await this.prepare(caId);
    await writeFile(file, encryptedKeyPem, { mode: 0o600, flag: 'wx' });
    try {
      return await FileCaSigner.open(file, passphrase);
    } catch (error) {
      await this.discard(file);
      if (error instanceof CaKeyError) throw new CaRegistryError(CaRegistryErrorCode.invalidKey, `the imported key is refused: ${error.message.replace(file, 'it')}`);
      throw error;
    }
  }

  /** Opens the signer of a stored CA. */
  open(keyReference: string): Promise<CaSigner> {
    return FileCaSigner.open(keyReference, this.passphrase);
  }

  /** Removes a key file whose CA was not stored after all (a refused import, a lost race for the name). */
  async discard(file: string): Promise<void> {
    await rm(file, { force: true });
  }

  private async prepare(caId: string): Promise<{ file: string; passphrase: string }> {
    if (this.keyDir === undefined) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, 'PKI_KEY_DIR is not set: there is nowhere to keep CA keys');
    if (this.passphrase === undefined) throw new CaRegistryError(CaRegistryErrorCode.keyStoreUnavailable, 'PKI_CA_KEY_PASSPHRASE is not set: CA keys are never stored unencrypted');
    await mkdir(this.keyDir, { recursive: true, mode: 0o700 });
    return { file: join(this.keyDir, `${caId}.key.pem`), passphrase: this.passphrase };
  }
}
