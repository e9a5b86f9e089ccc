import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port';
import { OperatorApiClient } from '../operator-api-client';
import { GRANTED_SITE, MATRIX_ROLES, type MatrixRole } from '../role-matrix';
import { type ServiceProcess, startService, waitUntilReady } from '../service-process';

/** The embedded mode's first start creates its store and schemas; on a busy 2-core machine that can take a minute. */
const READY_TIMEOUT_MS = 150_000;

export interface EmbeddedForBrowserOptions {
  /** The sites the grid-operator token may set limits on (the token file needs one at least): `SITE-GRANTED` by default. */
  gridOperatorSites?: string[];
  /** Further environment for the process (e.g. a feature switch the page under test needs). */
  env?: Record<string, string>;
}

export interface EmbeddedForBrowser {
  /** `http://127.0.0.1:<port>`: the REST API, /api/docs and (issue 15) /console. */
  baseUrl: string;
  /** `ws://127.0.0.1:<port>/ocpp`: append `/<station id>` for a station (apps/simulator, test/support/ws-station.ts). */
  ocppUrl: string;
  /** One bearer token per role, each registered as a secret of the run. */
  tokens: Record<MatrixRole, string>;
  /** Calls the REST API as one of the roles, e.g. to set up what a page then shows. */
  api: OperatorApiClient<'security-officer' | 'grid-operator'>;
  service: ServiceProcess;
  /** Stops the process (SIGTERM, then waits) and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * The whole CSMS in one process (dist/apps/embedded, `npm run build` first) on free ports, with a
 * fresh data folder whose api-tokens.json is written before the start, so the embedded mode keeps it
 * instead of generating its admin token.
 */
export async function startEmbeddedForBrowser(options: EmbeddedForBrowserOptions = {}): Promise<EmbeddedForBrowser> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csms-browser-'));
  const api = new OperatorApiClient({
    'security-officer': { roles: ['security-officer'] },
    'grid-operator': { roles: ['grid-operator'], sites: options.gridOperatorSites ?? [GRANTED_SITE] },
  });
  api.writeTokenFile(dataDir);
  const ocppPort = await freePort();
  const service = startService('embedded', { EMBEDDED_DATA_DIR: dataDir, OCPP_WS_PORT: String(ocppPort), ...options.env }, await freePort());
  const stop = async () => {
    await service.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(service, READY_TIMEOUT_MS);
  } catch (error) {
    await service.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl: service.baseUrl,
    ocppUrl: `ws://127.0.0.1:${ocppPort}/ocpp`,
    tokens: Object.fromEntries(MATRIX_ROLES.map((role) => [role, api.tokenOf(role)])) as Record<MatrixRole, string>,
    api,
    service,
    stop,
  };
}
