import { mayDrive } from './upgrade-lease';

const NOW = new Date('2026-12-06T03:00:00Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

describe('mayDrive', () => {
  it('takes a job nobody holds', () => {
    expect(mayDrive({ runner: null, leaseUntil: null }, 'pki-a', NOW)).toBe(true);
  });

  it('renews its own lease, also once it ran out', () => {
    expect(mayDrive({ runner: 'pki-a', leaseUntil: at(30) }, 'pki-a', NOW)).toBe(true);
    expect(mayDrive({ runner: 'pki-a', leaseUntil: at(-30) }, 'pki-a', NOW)).toBe(true);
  });

  it('leaves a job to the replica whose lease is still running', () => {
    expect(mayDrive({ runner: 'pki-b', leaseUntil: at(1) }, 'pki-a', NOW)).toBe(false);
    expect(mayDrive({ runner: 'pki-b', leaseUntil: NOW }, 'pki-a', NOW)).toBe(false);
  });

  it('takes over a job whose runner let its lease run out', () => {
    expect(mayDrive({ runner: 'pki-b', leaseUntil: at(-1) }, 'pki-a', NOW)).toBe(true);
  });

  it('takes a job that has a runner but no expiry (a finished lease)', () => {
    expect(mayDrive({ runner: 'pki-b', leaseUntil: null }, 'pki-a', NOW)).toBe(true);
  });
});
