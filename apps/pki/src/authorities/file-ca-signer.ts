import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPair, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { inspect, promisify } from 'node:util';
import type { SignatureAlgorithm } from '../x509/signature-algorithms';
import type { CaSigner } from './ca-signer';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';
import { type CaKeySpec, caKeySpecOf, keyGenerationOf, signatureAlgorithmOf } from './ca-key-spec';

const ENCRYPTED_PKCS8 = /^-----BEGIN ENCRYPTED PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END ENCRYPTED PRIVATE KEY-----\s*$/;

/**
 * A CA key kept in an encrypted PKCS#8 PEM file, decrypted into memory with the configured
 * passphrase. The private key sits in a #private field: it is not an enumerable property, so
 * neither JSON.stringify, util.inspect, a logger's serialiser nor an error's context can reach it.
 */
export class FileCaSigner implements CaSigner {
  readonly #privateKey: KeyObject;

  private constructor(
    readonly file: string,
    privateKey: KeyObject,
    readonly algorithm: SignatureAlgorithm,
    readonly publicKey: KeyObject,
  ) {
    this.#privateKey = privateKey;
  }

  /**
   * Opens the key in `file` with `passphrase` (PKI_CA_KEY_PASSPHRASE). Refuses a missing
   * passphrase, an unencrypted file and a key a CA may not have, each with its CaKeyError code.
   */
  static async open(file: string, passphrase: string | undefined): Promise<FileCaSigner> {
    const pem = await readKeyFile(file);
    if (!ENCRYPTED_PKCS8.test(pem.trim() + '\n')) {
      throw new CaKeyError(CaKeyErrorCode.notEncrypted, `${file} is not an encrypted PKCS#8 PEM (BEGIN ENCRYPTED PRIVATE KEY); CA keys are never stored in the clear`);
    }
    if (passphrase === undefined) throw new CaKeyError(CaKeyErrorCode.wrongPassphrase, `${file} is encrypted and PKI_CA_KEY_PASSPHRASE is not set`);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase });
    } catch (error) {
      // Only the library's error code is kept: OpenSSL's message is harmless today, but this path
      // handles the key file's contents, so nothing of it is allowed to travel further.
      const code = (error as { code?: string }).code ?? 'unknown';
      throw new CaKeyError(CaKeyErrorCode.wrongPassphrase, `PKI_CA_KEY_PASSPHRASE does not decrypt ${file} (${code})`);
    }
    const spec = caKeySpecOf(privateKey);
    return new FileCaSigner(file, privateKey, signatureAlgorithmOf(spec), createPublicKey(privateKey));
  }

  /**
   * Generates a new CA key of `spec`, writes it encrypted with `passphrase` to `file` (owner-only,
   * never over an existing file) and opens it.
   */
  static async create(file: string, spec: CaKeySpec, passphrase: string): Promise<FileCaSigner> {
    const { type, options } = keyGenerationOf(spec);
    const { privateKey } = await generateKeyPairAsync(type, options);
    // AES-256-CBC under PBES2/PBKDF2: the PKCS#8 encryption OpenSSL and every HSM import tool reads.
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });
    try {
      await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') throw new CaKeyError(CaKeyErrorCode.fileExists, `${file} already exists; a CA key is never overwritten`);
      throw new CaKeyError(CaKeyErrorCode.fileUnreadable, `cannot write ${file} (${code ?? 'unknown'})`);
    }
    return FileCaSigner.open(file, passphrase);
  }

  sign(data: Uint8Array): Promise<Buffer> {
    // node signs P-256 in tens of microseconds; a thread-pool hop would cost more than it saves.
    return Promise.resolve(sign(this.algorithm.digest, data, this.#privateKey));
  }

  /** What logs and APIs may show of this signer. */
  toJSON(): { kind: 'file'; file: string; algorithm: string } {
    return { kind: 'file', file: this.file, algorithm: this.algorithm.name };
  }

  [inspect.custom](): string {
    return `FileCaSigner(${this.file}, ${this.algorithm.name})`;
  }
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CaKeyError(CaKeyErrorCode.fileUnreadable, `cannot read CA key file ${file} (${(error as { code?: string }).code ?? 'unknown'})`);
  }
}

type KeyPairOptions = { namedCurve: string } | { modulusLength: number };
const generateKeyPairAsync = promisify(generateKeyPair) as (type: 'ec' | 'rsa', options: KeyPairOptions) => Promise<{ privateKey: KeyObject; publicKey: KeyObject }>;
