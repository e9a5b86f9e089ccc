import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TrustedIssuers } from './trusted-issuers';

/** root → sub-CA → station, and an unrelated root, made with the openssl CLI. */
function chain(dir: string) {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ext = path.join(dir, 'ca.ext');
  writeFileSync(ext, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  for (const name of ['root', 'other']) run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-subj', `/CN=${name}`, '-days', '2');
  run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'sub.key', '-out', 'sub.csr', '-subj', '/CN=sub');
  run('x509', '-req', '-in', 'sub.csr', '-CA', 'root.crt', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'sub.crt', '-days', '2', '-extfile', ext);
  run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'station.key', '-out', 'station.csr', '-subj', '/CN=station');
  run('x509', '-req', '-in', 'station.csr', '-CA', 'sub.crt', '-CAkey', 'sub.key', '-CAcreateserial', '-out', 'station.crt', '-days', '1');
  const pem = (name: string) => readFileSync(path.join(dir, `${name}.crt`), 'utf8');
  return { root: pem('root'), sub: pem('sub'), station: new X509Certificate(pem('station')), other: new X509Certificate(pem('other')) };
}

describe('the issuer of a client certificate from the trusted CA bundle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'trusted-issuers-'));
  const certificates = chain(dir);
  const bundle = path.join(dir, 'bundle.pem');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the sub-CA that signed a station certificate, not the root above it', () => {
    writeFileSync(bundle, certificates.root + certificates.sub);
    const issuer = new TrustedIssuers(bundle).issuerOf(certificates.station);
    expect(issuer?.subject).toBe('CN=sub');
  });

  it('finds none for a certificate the bundle did not issue, or without a bundle', () => {
    writeFileSync(bundle, certificates.root + certificates.sub);
    expect(new TrustedIssuers(bundle).issuerOf(certificates.other)).toBeUndefined();
    expect(new TrustedIssuers(undefined).issuerOf(certificates.station)).toBeUndefined();
  });

  it('reads the bundle again when it changes', () => {
    writeFileSync(bundle, certificates.root);
    const trusted = new TrustedIssuers(bundle);
    expect(trusted.issuerOf(certificates.station)).toBeUndefined();
    writeFileSync(bundle, certificates.root + certificates.sub);
    const later = new Date(Date.now() + 5000);
    utimesSync(bundle, later, later);
    expect(trusted.issuerOf(certificates.station)?.subject).toBe('CN=sub');
  });
});
