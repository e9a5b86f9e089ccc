import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import { serialAndIssuerOf } from './client-certificate-identity';
import { RSA_SHA256, certificate, crl, name } from './crl.fixtures';
import { readCrlEntries } from './crl-entries';
import { revokedConnections } from './revoked-connections';

const subCa = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherCa = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaCa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SERIAL = Buffer.from('00c3a1ff02', 'hex');

function connection(stationId: string, serial: Buffer | undefined, issuer = 'Station Sub-CA', issuerKey: KeyObject | undefined = subCa.publicKey) {
  return { stationId, clientCertificate: serial === undefined ? undefined : { ...serialAndIssuerOf(certificate(serial, issuer)), issuerKey } };
}

describe('readCrlEntries', () => {
  it('reads the issuer Name, the revoked serials without leading zeros and the signed part', () => {
    const der = crl('Station Sub-CA', [SERIAL, Buffer.from([0])], subCa.privateKey);
    const entries = readCrlEntries(der);
    expect(entries.issuer).toEqual(name('Station Sub-CA'));
    expect([...entries.revokedSerials]).toEqual(['c3a1ff02', '0']);
    expect(entries.signed.algorithm).toBe('1.2.840.10045.4.3.2');
  });

  it('reads a CRL that revokes nothing (no revokedCertificates, extensions next)', () => {
    expect(readCrlEntries(crl('Root', [], subCa.privateKey)).revokedSerials.size).toBe(0);
  });
});

describe('serialAndIssuerOf', () => {
  it('keeps the serial as a CRL lists it and the issuer Name as DER', () => {
    expect(serialAndIssuerOf(certificate(SERIAL, 'Station Sub-CA'))).toEqual({ serial: 'c3a1ff02', issuer: name('Station Sub-CA') });
  });
});

describe('revokedConnections', () => {
  const crls = [readCrlEntries(crl('Root', [], otherCa.privateKey)), readCrlEntries(crl('Station Sub-CA', [SERIAL], subCa.privateKey))];

  it('finds the connection whose serial its issuer lists, with the revoking CRL', () => {
    const revoked = connection('REVOKED', SERIAL);
    const result = revokedConnections([connection('GOOD', Buffer.from('0100', 'hex')), revoked, connection('PROFILE-2', undefined)], crls);
    expect(result).toEqual([{ connection: revoked, crl: crls[1] }]);
  });

  it('leaves a certificate with the same serial from another issuer', () => {
    expect(revokedConnections([connection('ELSEWHERE', SERIAL, 'Other Sub-CA')], crls)).toEqual([]);
  });

  it('ignores a CRL under the issuer name that the issuer key did not sign (forged)', () => {
    const forged = [readCrlEntries(crl('Station Sub-CA', [SERIAL], otherCa.privateKey))];
    expect(revokedConnections([connection('REVOKED', SERIAL)], forged)).toEqual([]);
  });

  it('revokes by issuer name and serial when the issuer key is unknown (Node 24 gives no issuer of the chain a station sent)', () => {
    const revoked = connection('NO-ISSUER-KEY', SERIAL, 'Station Sub-CA', undefined);
    expect(revokedConnections([revoked, connection('ELSEWHERE', SERIAL, 'Other Sub-CA', undefined)], crls)).toEqual([{ connection: revoked, crl: crls[1] }]);
  });

  it('checks RSA-signed CRLs too', () => {
    const rsaCrls = [readCrlEntries(crl('RSA Sub-CA', [SERIAL], rsaCa.privateKey, RSA_SHA256))];
    expect(revokedConnections([connection('RSA', SERIAL, 'RSA Sub-CA', rsaCa.publicKey)], rsaCrls)).toHaveLength(1);
  });

  it('revokes nothing with no CRLs loaded', () => {
    expect(revokedConnections([connection('REVOKED', SERIAL)], [])).toEqual([]);
  });
});
