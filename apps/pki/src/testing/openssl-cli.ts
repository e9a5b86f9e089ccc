import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test-only: the `openssl` command line as an independent party. Specs make their inputs with it
 * (CSRs, certificates) and check our outputs with it (verify, ocsp), so our code is never checked
 * against itself.
 */
export class OpensslCli {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-openssl-'));

  /** Runs openssl with `args` in the work folder; throws with its stderr when it fails. */
  run(args: readonly string[], input?: string): string {
    return execFileSync('openssl', args, { cwd: this.dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /** Like run, but returns the exit status and both outputs instead of throwing. */
  attempt(args: readonly string[]): { status: number; output: string } {
    try {
      return { status: 0, output: this.run(args) };
    } catch (error) {
      const failure = error as { status?: number; stdout?: string; stderr?: string };
      return { status: failure.status ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
    }
  }

  /** Runs openssl and returns its status and stderr: some commands (`crl -verify`) report failure only there. */
  diagnostics(args: readonly string[]): { status: number; stderr: string } {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { status: result.status ?? 1, stderr: result.stderr };
  }

  file(name: string): string {
    return path.resolve(this.dir, name);
  }

  write(name: string, content: string | Buffer): string {
    writeFileSync(this.file(name), content);
    return this.file(name);
  }

  read(name: string): string {
    return readFileSync(this.file(name), 'utf8');
  }

  /** A new unencrypted private key file: `rsa:2048`, `ec:P-256`, `ed25519`, ... */
  newKey(name: string, spec: string): string {
    const [kind, size] = spec.split(':');
    const args = ['genpkey', '-out', this.file(name)];
    if (kind === 'rsa') args.push('-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${size}`);
    else if (kind === 'ec') args.push('-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${size}`);
    else args.push('-algorithm', spec);
    this.run(args);
    return this.file(name);
  }

  /** A PEM CSR for `key` with `subject` (OpenSSL /CN=.../O=... form) and extra `openssl req` flags. */
  csr(key: string, subject: string, extra: readonly string[] = []): string {
    return this.run(['req', '-new', '-key', key, '-subj', subject, ...extra]);
  }
}
