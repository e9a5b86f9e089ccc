import { StartupError } from '@app/config';
import { locatePostgresBinaries } from '@app/persistence';
import { APP_NAMES } from './launch-command';

/** What `check` found: one line per part of the install. */
export interface InstallCheck {
  part: string;
  ok: boolean;
  detail: string;
}

/**
 * `check`, run once while the image is built (and by the production-artefact test): loads every
 * app's code, so a module missing from a production install (`npm ci --omit=dev`) fails the build
 * rather than a pod; loads the native PKCS#11 addon, so an addon built for another Node ABI is
 * caught; and restores the embedded store's library symlinks in node_modules now, because on a
 * read-only root filesystem they could not be written at the first start.
 */
export async function checkInstall(): Promise<InstallCheck[]> {
  const results: InstallCheck[] = [];
  for (const app of APP_NAMES) results.push(await loads(`app ${app}`, () => importApp(app)));
  results.push(await pkcs11Addon());
  results.push(embeddedStoreBinaries());
  return results;
}

function importApp(app: (typeof APP_NAMES)[number]): Promise<unknown> {
  switch (app) {
    case 'connection':
      return import('@app/connection');
    case 'smart-charging':
      return import('@app/smart-charging');
    case 'pki':
      return import('@app/pki');
    case 'embedded':
      return import('@app/embedded');
  }
}

async function loads(part: string, load: () => Promise<unknown>): Promise<InstallCheck> {
  try {
    await load();
    return { part, ok: true, detail: 'loads' };
  } catch (error) {
    return { part, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** An optional dependency: absent, PKCS#11 CA keys are unavailable; present, its native addon must load on this Node. */
async function pkcs11Addon(): Promise<InstallCheck> {
  const part = 'pkcs11js (PKCS#11 CA keys)';
  try {
    await import('pkcs11js');
    return { part, ok: true, detail: 'loads' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === 'MODULE_NOT_FOUND' && /'pkcs11js'/.test(String((error as Error).message));
    if (missing) return { part, ok: true, detail: 'not installed: CAs with keyStorage "pkcs11" are unavailable' };
    return { part, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function embeddedStoreBinaries(): InstallCheck {
  const part = 'embedded PostgreSQL store';
  try {
    const binaries = locatePostgresBinaries();
    return { part, ok: true, detail: `${binaries.version} at ${binaries.root}` };
  } catch (error) {
    // An install without optional dependencies has none: the embedded app then needs DATABASE_URL.
    if (error instanceof StartupError) return { part, ok: true, detail: `not installed (${error.failure}): embedded mode needs DATABASE_URL` };
    return { part, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
