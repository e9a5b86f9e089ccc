import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { TestPki } from '@test/support/test-pki';
import { CertificateOutcome, CertificateStore } from './certificate.store';

describe('CertificateStore', () => {
  it('installs a CA certificate once, lists it by type and removes it by hash data in any case and padding', async () => {
    const pki = await TestPki.create('Store Root');
    const pem = readFileSync(pki.caFile, 'utf8');
    const store = new CertificateStore();
    expect(store.install('CSMSRootCertificate', pem)).toBe(CertificateOutcome.Accepted);
    expect(store.install('CSMSRootCertificate', pem)).toBe(CertificateOutcome.Accepted);
    expect(store.list()).toHaveLength(1);
    expect(store.list(['V2GRootCertificate'])).toHaveLength(0);
    const [entry] = store.list(['CSMSRootCertificate']);
    expect(entry?.hashData.serialNumber).toBe('1');
    const upperCasePadded = { issuerNameHash: entry?.hashData.issuerNameHash.toUpperCase() ?? '', issuerKeyHash: entry?.hashData.issuerKeyHash ?? '', serialNumber: '01' };
    expect(store.remove(upperCasePadded)).toBe(true);
    expect(store.list()).toHaveLength(0);
  });

  it('refuses what is not a PEM certificate', () => {
    expect(new CertificateStore().install('CSMSRootCertificate', 'garbage')).toBe(CertificateOutcome.Unreadable);
  });

  it('refuses a signed certificate for a key it never asked about', async () => {
    const pki = await TestPki.create();
    const stranger = await pki.issueStation({ cn: 'SN-1', o: 'O' });
    const store = new CertificateStore();
    expect(store.acceptSigned(stranger.certPem)).toBe(CertificateOutcome.KeyMismatch);
    store.requestSigning('SN-1', 'O');
    expect(store.acceptSigned(stranger.certPem)).toBe(CertificateOutcome.KeyMismatch);
    expect(store.clientIdentity()).toBeUndefined();
  });

  it('starts with the identity it was given', () => {
    expect(new CertificateStore({ certPem: 'C', keyPem: 'K' }).clientIdentity()).toEqual({ certPem: 'C', keyPem: 'K' });
  });
});
