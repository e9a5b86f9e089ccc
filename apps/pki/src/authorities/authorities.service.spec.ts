import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { RuntimeConfig } from '@app/config';
import { OpensslCli } from '../testing/openssl-cli';
import { AuthoritiesService, type NewCa } from './authorities.service';
import { CaKeyStore } from './ca-key-store';
import { CaRegistryErrorCode } from './ca-registry.error';
import type { CertificateAuthorityRepository } from './certificate-authority.repository';
import { FakeAuthorities } from '../testing/fake-authorities';

const PASSPHRASE = 'test-only passphrase, not a secret';

describe('AuthoritiesService', () => {
  const openssl = new OpensslCli();
  const keyDir = openssl.file('keys');
  const config = (pki: Partial<RuntimeConfig['pki']>) => ({ pki: { keyDir, caKeyPassphrase: PASSPHRASE, publicUrl: 'http://pki.test', ...pki } }) as RuntimeConfig;
  const serviceWith = (pki: Partial<RuntimeConfig['pki']> = {}) => {
    const repository = new FakeAuthorities();
    const service = new AuthoritiesService(repository as unknown as CertificateAuthorityRepository, new CaKeyStore(config(pki)), config(pki));
    return { service, repository };
  };
  const rootRequest: NewCa = { name: 'Root', role: 'root', subject: { commonName: 'Root' }, keyType: 'EC-P256', validityDays: 100 };
  const codeOf = (work: Promise<unknown>) => work.then(() => 'resolved', (error: { code?: string }) => error.code);

  it('creates a root and an active issuing sub-CA it certifies, pointing at this PKI for revocation', async () => {
    const { service } = serviceWith();
    const root = await service.create(rootRequest);
    const sub = await service.create({ ...rootRequest, name: 'Sub', role: 'stationSubCa', parentId: root.id, subject: { commonName: 'Sub' } });
    expect(new X509Certificate(sub.certificatePem).verify(new X509Certificate(root.certificatePem).publicKey)).toBe(true);
    expect(sub).toMatchObject({ active: true, keyKind: 'file', crlUrl: `http://pki.test/api/crls/${sub.id}`, ocspUrl: 'http://pki.test/api/ocsp' });
    expect(sub.keyReference).toBe(`${keyDir}/${sub.id}.key.pem`);
    expect((await service.issuing('stationSubCa'))?.record.id).toBe(sub.id);
    expect(await service.issuing('v2gSubCa')).toBeUndefined();
  });

  it('refuses a sub-CA under the wrong kind of parent, a root with a parent, and a taken name', async () => {
    const { service } = serviceWith();
    const root = await service.create(rootRequest);
    expect(await codeOf(service.create({ ...rootRequest, name: 'V2G Sub', role: 'v2gSubCa', parentId: root.id }))).toBe(CaRegistryErrorCode.invalidParent);
    expect(await codeOf(service.create({ ...rootRequest, name: 'Orphan', role: 'stationSubCa' }))).toBe(CaRegistryErrorCode.invalidParent);
    expect(await codeOf(service.create({ ...rootRequest, name: 'Child root', parentId: root.id }))).toBe(CaRegistryErrorCode.invalidParent);
    expect(await codeOf(service.create(rootRequest))).toBe(CaRegistryErrorCode.nameTaken);
    expect(await codeOf(service.activate(root.id))).toBe(CaRegistryErrorCode.notIssuing);
  });

  it('refuses to make keys without PKI_KEY_DIR or PKI_CA_KEY_PASSPHRASE', async () => {
    expect(await codeOf(serviceWith({ keyDir: undefined }).service.create(rootRequest))).toBe(CaRegistryErrorCode.keyStoreUnavailable);
    expect(await codeOf(serviceWith({ caKeyPassphrase: undefined }).service.create(rootRequest))).toBe(CaRegistryErrorCode.keyStoreUnavailable);
  });

  it('imports a CA with its encrypted key, and refuses (leaving no key file) a foreign, unencrypted or non-CA one', async () => {
    const { service } = serviceWith();
    const makeRoot = (name: string, extra: string[] = ['-addext', 'basicConstraints=critical,CA:true']) =>
      openssl.run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-passout', `pass:${PASSPHRASE}`, '-subj', `/CN=${name}`, '-days', '30', ...extra]);
    makeRoot('imported');
    makeRoot('foreign');
    makeRoot('leaf', ['-addext', 'basicConstraints=critical,CA:false']);
    mkdirSync(keyDir, { recursive: true });
    const filesBefore = readdirSync(keyDir).length;
    const importOf = (name: string, certificate: string, key: string) => service.import({ name, role: 'root', certificatePem: openssl.read(certificate), encryptedKeyPem: openssl.read(key) });
    expect(await codeOf(importOf('Foreign', 'imported.pem', 'foreign.key'))).toBe(CaRegistryErrorCode.invalidKey);
    expect(await codeOf(importOf('Not a CA', 'leaf.pem', 'leaf.key'))).toBe(CaRegistryErrorCode.invalidCertificate);
    openssl.run(['pkey', '-in', 'imported.key', '-passin', `pass:${PASSPHRASE}`, '-out', 'clear.key']);
    expect(await codeOf(importOf('Clear', 'imported.pem', 'clear.key'))).toBe(CaRegistryErrorCode.invalidKey);
    expect(readdirSync(keyDir)).toHaveLength(filesBefore);
    const imported = await importOf('Imported', 'imported.pem', 'imported.key');
    expect(imported).toMatchObject({ role: 'root', subject: 'CN=imported', active: false });
    expect(existsSync(imported.keyReference)).toBe(true);
    const sub = await service.create({ ...rootRequest, name: 'Under imported', role: 'stationSubCa', parentId: imported.id });
    expect(new X509Certificate(sub.certificatePem).verify(new X509Certificate(imported.certificatePem).publicKey)).toBe(true);
  });
});
