import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Pkcs11TokenOptions } from '../authorities/pkcs11-session';

const INSTALL_SCRIPT = path.resolve(__dirname, '../../../../tools/softhsm/install.sh');

/**
 * Test-only: a fresh SoftHSM2 token with random PINs. Installs Debian's softhsm2 through the
 * project's script when it is missing (a new machine needs no manual step); the token lives in the
 * private folder tools/softhsm/softhsm.global-setup.ts gave this test run.
 */
export function createSoftHsmToken(): Pkcs11TokenOptions & { soPin: string } {
  if (!process.env.SOFTHSM2_CONF) throw new Error('SOFTHSM2_CONF is not set: run through jest (its unit global setup sets it)');
  const library = execFileSync('bash', [INSTALL_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const tokenLabel = `csms-test-${randomBytes(4).toString('hex')}`;
  const pin = randomBytes(8).toString('hex');
  const soPin = randomBytes(8).toString('hex');
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', tokenLabel, '--so-pin', soPin, '--pin', pin], { stdio: 'pipe' });
  return { library, tokenLabel, pin, soPin };
}
