import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import { CertificateExpiryMetrics } from './certificate-expiry.metrics';
import type { CertificateExpiryRepository } from './certificate-expiry.repository';

describe('expiring certificate metrics', () => {
  function setup(counts: (Map<number, number> | Error)[]) {
    let queries = 0;
    const repository = {
      countExpiring: async () => {
        const next = counts[Math.min(queries, counts.length - 1)];
        queries += 1;
        if (next instanceof Error) throw next;
        return next as Map<number, number>;
      },
    } as unknown as CertificateExpiryRepository;
    const metrics = new MetricsRegistry();
    const expiry = new CertificateExpiryMetrics(repository, metrics, pino({ level: 'silent' }));
    return { expiry, scrape: () => metrics.registry.metrics(), queries: () => queries };
  }

  it('counts at the first scrape, and again only once a certificate was issued or revoked', async () => {
    const { expiry, scrape, queries } = setup([new Map([[7, 0], [30, 1]]), new Map([[7, 1], [30, 2]])]);
    expect(await scrape()).toContain('csms_pki_certificates_expiring{within_days="30"} 1');
    await scrape();
    expect(queries()).toBe(1);
    expiry.changed();
    const text = await scrape();
    expect(text).toContain('csms_pki_certificates_expiring{within_days="7"} 1');
    expect(text).toContain('csms_pki_certificates_expiring{within_days="30"} 2');
    expect(queries()).toBe(2);
  });

  it('keeps the last counts when counting fails, and tries again at the next scrape', async () => {
    const { expiry, scrape, queries } = setup([new Map([[7, 3], [30, 4]]), new Error('database down'), new Map([[7, 5], [30, 6]])]);
    await scrape();
    expiry.changed();
    expect(await scrape()).toContain('csms_pki_certificates_expiring{within_days="30"} 4');
    expect(await scrape()).toContain('csms_pki_certificates_expiring{within_days="30"} 6');
    expect(queries()).toBe(3);
  });
});
