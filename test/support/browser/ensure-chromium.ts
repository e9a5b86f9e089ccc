import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../repo-root';

/**
 * Runs tools/browser/ensure-chromium.sh (installs Debian's chromium when it is missing) and returns the
 * browser's path. CHROMIUM_PATH, when set, names the browser to use instead of /usr/bin/chromium.
 */
export function ensureChromium(): string {
  const output = execFileSync('bash', [path.join(repoRoot(), 'tools/browser/ensure-chromium.sh')], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    // apt-get update and the install took 42 s here; a slow mirror gets ten minutes.
    timeout: 600_000,
  }).toString();
  const chromium = output.trim().split('\n').pop();
  if (!chromium) throw new Error('tools/browser/ensure-chromium.sh printed no path');
  return chromium;
}
