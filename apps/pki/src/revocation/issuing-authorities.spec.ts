import pino from 'pino';
import type { AuthoritiesService } from '../authorities/authorities.service';
import type { CaRecord } from '../authorities/certificate-authority.repository';
import type { CertificateAuthority } from '../authorities/certificate-authority';
import { StoredIssuingAuthorities } from './issuing-authorities';

const record = (id: string) => ({ id }) as CaRecord;

/** The CA store as far as revocation uses it: its records, and opening one (a key file that may be missing). */
function store(ids: string[], broken: string[] = []) {
  const opened: string[] = [];
  const service = {
    list: async () => ids.map(record),
    open: async (ca: CaRecord) => {
      opened.push(ca.id);
      if (broken.includes(ca.id)) throw new Error(`no key file for ${ca.id}`);
      return { certificate: Buffer.from(ca.id) } as unknown as CertificateAuthority;
    },
  };
  return { service: service as unknown as AuthoritiesService, opened, ids };
}

describe('StoredIssuingAuthorities', () => {
  const logger = pino({ level: 'silent' });

  it('lists every CA of the store, opened once and the same objects every time', async () => {
    const { service, opened, ids } = store(['root', 'sub']);
    const authorities = new StoredIssuingAuthorities(service, logger);
    const first = await authorities.list();
    expect(first.map((issuer) => issuer.id)).toEqual(['root', 'sub']);
    ids.push('v2g');
    const second = await authorities.list();
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second.map((issuer) => issuer.id)).toEqual(['root', 'sub', 'v2g']);
    expect(await authorities.byId('sub')).toBe(first[1]);
    expect(await authorities.byId('nobody')).toBeUndefined();
    expect(opened).toEqual(['root', 'sub', 'v2g']);
  });

  it('leaves out a CA whose key does not open, and tries it again next time', async () => {
    const { service, opened } = store(['root', 'lost'], ['lost']);
    const authorities = new StoredIssuingAuthorities(service, logger);
    expect((await authorities.list()).map((issuer) => issuer.id)).toEqual(['root']);
    expect((await authorities.list()).map((issuer) => issuer.id)).toEqual(['root']);
    expect(await authorities.byId('lost')).toBeUndefined();
    expect(opened).toEqual(['root', 'lost', 'lost', 'lost']);
  });
});
