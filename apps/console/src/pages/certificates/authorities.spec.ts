import { caHierarchy, caRoleLabel, isIssuingCa, pemFileName, validityOf } from './authorities';
import type { CertificateAuthority } from './types';

const ca = (id: string, role: CertificateAuthority['role'], parentId: string | null, createdAt: string, name = id): CertificateAuthority => ({
  id,
  name,
  role,
  parentId,
  subject: `CN=${name}`,
  serialNumber: '1',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2036-01-01T00:00:00Z',
  keyAlgorithm: 'ecdsa-with-SHA256',
  keyStorage: 'file',
  crlUrl: null,
  ocspUrl: null,
  active: false,
  certificatePem: '',
  createdAt,
});

describe('CA hierarchy', () => {
  it('puts each root first with its issuing CAs right below it, oldest first', () => {
    const rows = caHierarchy([
      ca('sub-b', 'stationSubCa', 'root-1', '2026-03-01T00:00:00Z'),
      ca('root-2', 'v2gRoot', null, '2026-02-01T00:00:00Z'),
      ca('root-1', 'root', null, '2026-01-01T00:00:00Z'),
      ca('sub-a', 'stationSubCa', 'root-1', '2026-01-02T00:00:00Z'),
      ca('v2g-sub', 'v2gSubCa', 'root-2', '2026-02-02T00:00:00Z'),
    ]);
    expect(rows.map(({ ca: { id }, depth }) => `${id}@${depth}`)).toEqual(['root-1@0', 'sub-a@1', 'sub-b@1', 'root-2@0', 'v2g-sub@1']);
  });

  it('shows a CA whose parent is not in this PKI as a tree of its own, and every CA exactly once', () => {
    const rows = caHierarchy([ca('orphan', 'stationSubCa', 'elsewhere', '2026-01-01T00:00:00Z'), ca('a', 'root', 'b', '2026-01-02T00:00:00Z'), ca('b', 'root', 'a', '2026-01-03T00:00:00Z')]);
    expect(rows.map(({ ca: { id } }) => id).sort()).toEqual(['a', 'b', 'orphan']);
    expect(rows.find((row) => row.ca.id === 'orphan')?.depth).toBe(0);
  });

  it('names roles, tells issuing CAs apart and judges validity', () => {
    expect(caRoleLabel('stationSubCa')).toBe('Station issuing CA');
    expect(isIssuingCa(ca('x', 'stationSubCa', null, ''))).toBe(true);
    expect(isIssuingCa(ca('x', 'root', null, ''))).toBe(false);
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(validityOf('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', now)).toBe('valid');
    expect(validityOf('2025-01-01T00:00:00Z', '2026-05-01T00:00:00Z', now)).toBe('expired');
    expect(validityOf('2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z', now)).toBe('notYetValid');
  });

  it('gives a PEM download a file name from the CA name', () => {
    expect(pemFileName({ id: 'x', name: 'CSMS Root 2026' })).toBe('csms-root-2026.pem');
    expect(pemFileName({ id: 'the-id', name: '***' })).toBe('the-id.pem');
  });
});
