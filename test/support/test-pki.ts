import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { registerPrivateKey } from './e2e-run';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type KeyKind = 'rsa' | 'ecdsa';

const algorithms: Record<KeyKind, { generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams; sign: webcrypto.Algorithm | webcrypto.EcdsaParams }> = {
  rsa: {
    generate: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  ecdsa: { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } as webcrypto.EcdsaParams },
};

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  serialNumber: string;
  certFile: string;
  keyFile: string;
}

interface Authority {
  name: string;
  kind: KeyKind;
  keys: webcrypto.CryptoKeyPair;
  certificate: x509.X509Certificate;
}

const DAY = 24 * 3600 * 1000;

/** A throwaway CA hierarchy for TLS tests, written as PEM files into a temp folder. */
export class TestPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-'));
  private serial = 1;

  private constructor(private readonly root: Authority) {}

  static async create(name = 'CSMS Test Root CA', kind: KeyKind = 'ecdsa'): Promise<TestPki> {
    return new TestPki(await createAuthority(name, kind));
  }

  get caFile(): string {
    return this.write('ca.pem', this.root.certificate.toString('pem'));
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  issueServer(kind: KeyKind): Promise<IssuedCertificate> {
    return this.issue(`server-${kind}`, kind, 'CN=localhost, O=CSMS Test', [
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ]);
  }

  /** A station certificate with the OCPP subject: CN = serial number, O = operator. */
  issueStation(options: { cn: string; o: string; kind?: KeyKind; notBefore?: Date; notAfter?: Date }): Promise<IssuedCertificate> {
    return this.issue(
      `station-${options.cn}-${this.serial}`,
      options.kind ?? 'ecdsa',
      `CN=${options.cn}, O=${options.o}`,
      [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
      options.notBefore,
      options.notAfter,
    );
  }

  /** A CRL of this CA revoking the given serial numbers. */
  async crlFile(revokedSerials: string[]): Promise<string> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.root.certificate.subject,
      thisUpdate: new Date(Date.now() - DAY),
      nextUpdate: new Date(Date.now() + DAY),
      entries: revokedSerials.map((serialNumber) => ({ serialNumber, revocationDate: new Date(Date.now() - 60_000), reason: x509.X509CrlReason.keyCompromise })),
      signingAlgorithm: algorithms[this.root.kind].sign,
      signingKey: this.root.keys.privateKey,
    });
    // OpenSSL reads CRLs only under the "X509 CRL" PEM label.
    return this.write('crl.pem', x509.PemConverter.encode(crl.rawData, 'X509 CRL'));
  }

  private async issue(
    label: string,
    kind: KeyKind,
    subject: string,
    extensions: x509.Extension[],
    notBefore = new Date(Date.now() - DAY),
    notAfter = new Date(Date.now() + 30 * DAY),
  ): Promise<IssuedCertificate> {
    const keys = (await webcrypto.subtle.generateKey(algorithms[kind].generate, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const serialNumber = (0x1000 + this.serial++).toString(16);
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject,
      issuer: this.root.certificate.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: this.root.keys.privateKey,
      signingAlgorithm: algorithms[this.root.kind].sign,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true), ...extensions],
    });
    const keyPem = await privateKeyPem(keys);
    registerPrivateKey(keyPem);
    const certPem = certificate.toString('pem');
    return { certPem, keyPem, serialNumber, certFile: this.write(`${label}.pem`, certPem), keyFile: this.write(`${label}.key`, keyPem) };
  }

  private write(name: string, content: string): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }
}

async function createAuthority(name: string, kind: KeyKind): Promise<Authority> {
  const keys = (await webcrypto.subtle.generateKey(algorithms[kind].generate, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  registerPrivateKey(await privateKeyPem(keys));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}, O=CSMS Test`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    keys,
    signingAlgorithm: algorithms[kind].sign,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name, kind, keys, certificate };
}

async function privateKeyPem(keys: webcrypto.CryptoKeyPair): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}
