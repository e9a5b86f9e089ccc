import { type CliSettings, parseCliArgs } from './cli-options';
import { loadFleetOptions } from './fleet-options.loader';

function settings(args: string[]): CliSettings {
  const parsed = parseCliArgs(args);
  if (!parsed.ok || parsed.help) throw new Error(`bad test arguments: ${JSON.stringify(parsed)}`);
  return parsed.settings;
}

const files: Record<string, string> = { 'ca.pem': 'CA', 'c.pem': 'CERT', 'k.pem': 'KEY', 'c/SIM-0001.pem': 'CERT-1', 'k/SIM-0001.pem': 'KEY-1' };
const read = (path: string): string => {
  const content = files[path];
  if (content === undefined) throw new Error(`ENOENT: ${path}`);
  return content;
};

describe('loadFleetOptions', () => {
  it('derives passwords from a prefix and the station id', () => {
    const loaded = loadFleetOptions(settings(['--profile', '1', '--password-prefix', 'pw-']), read);
    expect(loaded.ok && loaded.options.password?.('SIM-0001')).toBe('pw-SIM-0001');
  });

  it('reads the CA and a shared client certificate once', () => {
    const loaded = loadFleetOptions(settings(['--url', 'wss://h/ocpp', '--profile', '3', '--ca', 'ca.pem', '--cert', 'c.pem', '--key', 'k.pem']), read);
    expect(loaded).toMatchObject({ ok: true, options: { ca: 'CA', securityProfile: 3, rejectUnauthorized: true } });
    expect(loaded.ok && loaded.options.clientCertificate?.('any')).toEqual({ cert: 'CERT', key: 'KEY' });
  });

  it('reads per-station certificates from {id} paths, leaving stations without files without one', () => {
    const loaded = loadFleetOptions(settings(['--url', 'wss://h/ocpp', '--profile', '3', '--cert', 'c/{id}.pem', '--key', 'k/{id}.pem']), read);
    expect(loaded.ok && loaded.options.clientCertificate?.('SIM-0001')).toEqual({ cert: 'CERT-1', key: 'KEY-1' });
    expect(loaded.ok && loaded.options.clientCertificate?.('SIM-0002')).toBeUndefined();
  });

  it('reports an unreadable PEM file', () => {
    expect(loadFleetOptions(settings(['--ca', 'missing.pem']), read)).toEqual({ ok: false, message: expect.stringContaining('missing.pem') });
  });

  it('spreads over one loopback address per 25 000 stations unless told otherwise', () => {
    const big = loadFleetOptions(settings(['--count', '60000']), read);
    expect(big.ok && big.options.sourceAddresses).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    const small = loadFleetOptions(settings(['--count', '100']), read);
    expect(small.ok && small.options.sourceAddresses).toEqual([]);
    const remote = loadFleetOptions(settings(['--url', 'ws://10.1.2.3:9000/ocpp', '--count', '60000']), read);
    expect(remote.ok && remote.options.sourceAddresses).toEqual([]);
    expect(loadFleetOptions(settings(['--url', 'ws://10.1.2.3:9000/ocpp', '--source-addresses', '3']), read)).toMatchObject({ ok: false });
  });

  it('converts the call timeout to milliseconds', () => {
    const loaded = loadFleetOptions(settings(['--call-timeout', '2.5']), read);
    expect(loaded.ok && loaded.options.callTimeoutMs).toBe(2500);
  });
});
