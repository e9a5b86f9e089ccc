import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Unit-test global setup: gives SoftHSM2 a private token folder for this run. SoftHSM reads
 * SOFTHSM2_CONF from the real process environment when its library initialises, and jest hands
 * each test file only a copy of process.env, so it must be set here, in the parent process, before
 * any worker starts. Cheap and harmless where SoftHSM is not installed (the PKCS#11 spec installs
 * it through tools/softhsm/install.sh).
 */
export default function setupSoftHsm(): void {
  if (process.env.SOFTHSM2_CONF) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-softhsm-'));
  const tokens = path.join(dir, 'tokens');
  mkdirSync(tokens);
  const config = path.join(dir, 'softhsm2.conf');
  writeFileSync(config, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = config;
}
