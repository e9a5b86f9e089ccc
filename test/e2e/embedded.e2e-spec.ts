import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedAdminToken } from '@test/support/e2e-run';
import { freePort } from '@test/support/free-port';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { connectStation, exchange } from '@test/support/ws-station';

const TOKEN = 'e2e-internal-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

/** `npm start`: the whole system in one process with nothing installed but Node. */
describe('embedded mode', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csms-embedded-'));
  let running: ServiceProcess | undefined;
  let ocppPort: number;

  beforeAll(async () => {
    ocppPort = await freePort();
  });

  afterAll(async () => {
    await running?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ service: ServiceProcess }> {
    // No KAFKA_BROKERS, no DATABASE_URL: the embedded defaults.
    const service = startService('embedded', { EMBEDDED_DATA_DIR: dataDir, INTERNAL_API_TOKEN: TOKEN, OCPP_WS_PORT: String(ocppPort), DRAW_HISTORY_SAMPLE_SECONDS: '1' }, await freePort());
    running = service;
    // A start on a busy 2-core machine (browser tests beside it) can take well over the usual few seconds; how long a
    // start takes is measured by the embedded-start suite, not bounded here.
    await waitUntilReady(service, 90_000);
    return { service };
  }

  it('gets ready on a fresh data folder, delivers events in-process and keeps its data across a restart', async () => {
    const first = await start();
    expect(first.service.output()).toContain(`API docs      ${first.service.baseUrl.replace('127.0.0.1', 'localhost')}/api/docs`);
    const ready = (await (await fetch(`${first.service.baseUrl}/health/ready`)).json()) as { checks: Record<string, { ok: boolean }> };
    expect(Object.keys(ready.checks).sort()).toEqual([
      'commands',
      'database:connection',
      'database:pki',
      'database:smart_charging',
      'messaging',
      'ocpp-gateway',
      'presence:connection',
      'presence:pki',
      'presence:smart-charging',
      'replica',
    ]);

    const response = await fetch(`${first.service.baseUrl}/api/internal/connection/synthetic-events/connected`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ stationId: 'CP-EMBEDDED' }),
    });
    const { eventId } = (await response.json()) as { eventId: string };
    const inboxOf = (service: ServiceProcess, name: string) => fetch(`${service.baseUrl}/api/internal/${name}/inbox/${eventId}`, { headers: auth });
    await eventually('pki applied the event', async () => ((await inboxOf(first.service, 'pki')).status === 200 ? true : undefined));
    const smartChargingState = (service: ServiceProcess) => fetch(`${service.baseUrl}/api/internal/smart-charging/stations/CP-EMBEDDED`, { headers: auth });
    await eventually('smart charging saw the station connect', async () => (((await (await smartChargingState(first.service)).json()) as { connected: boolean }).connected ? true : undefined));
    // First contact: any station id connects without credentials and boots.
    const station = await connectStation(`ws://127.0.0.1:${ocppPort}/ocpp/ANY-ID`, ['ocpp1.6']);
    if (!station.open) throw new Error(`first contact refused with ${station.status}`);
    const boot = await exchange(station.socket, JSON.stringify([2, 'b1', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }]));
    expect(boot).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted', interval: expect.any(Number) })]);
    station.socket.close();

    // The operator history and the PKI's security events, on the embedded store and the one HTTP port.
    const bearer = { authorization: `Bearer ${embeddedAdminToken(dataDir)}` };
    const read = async (route: string) => (await (await fetch(`${first.service.baseUrl}${route}`, { headers: bearer })).json()) as { items: Record<string, unknown>[] };
    const kinds = await eventually('the boot and the connection in the station history', async () => {
      const { items } = await read('/api/stations/ANY-ID/history');
      return items.length === 3 ? items.map((item) => `${String(item.kind)}:${String(item.event ?? item.status)}`).sort() : undefined;
    });
    expect(kinds).toEqual(['boot:Accepted', 'connection:connected', 'connection:disconnected']);
    // The one command: the charging-capabilities question the service asks after every accepted boot.
    const commands = await eventually('the capabilities question in the command history', async () => {
      const { items } = await read('/api/commands');
      return items.length > 0 ? items : undefined;
    });
    expect(commands.map((item) => [item.stationId, item.command, item.originService])).toEqual([['ANY-ID', 'getChargingCapabilities', 'connection']]);
    expect(await read('/api/security-events')).toEqual({ items: [], nextCursor: null });
    // Parked events (ADR 041): indexed in the embedded store from the in-process ocpp.parked.
    expect(await read('/api/parked-events')).toEqual({ items: [], nextCursor: null });
    // Smart charging's topology and limits, on the same port with the same token.
    const site = { siteId: 'SITE-EMB', limit: { perPhaseA: [63, 63, 63] }, children: [{ kind: 'charger', stationId: 'ANY-ID', rating: { maxA: 32, phases: 3 } }] };
    const created = await fetch(`${first.service.baseUrl}/api/sites`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify(site) });
    expect(created.status).toBe(201);
    expect(await read('/api/sites/SITE-EMB/nodes/SITE-EMB/limits')).toMatchObject({ effectiveNow: { perPhaseA: [63, 63, 63], boundBy: { perPhaseA: ['node', 'node', 'node'] } } });
    // The draw history (ADR 050): the embedded process samples its sites too (the charger is offline here: its limit, nothing drawn).
    const sampled = await eventually('a draw history sample of the site', async () => {
      const answer = await fetch(`${first.service.baseUrl}/api/sites/SITE-EMB/nodes/SITE-EMB/draw-history`, { headers: bearer });
      const { points } = (await answer.json()) as { points: Record<string, unknown>[] };
      return points.length > 0 ? points : undefined;
    });
    expect(sampled[0]).toMatchObject({ limitA: [63, 63, 63], drawnA: [0, 0, 0], samples: 1 });
    // OSCP: the Capacity Provider registry behind the same token, and the providers' endpoints on the same port with their own token scheme.
    expect(await read('/api/oscp/capacity-providers')).toEqual({ items: [] });
    const oscp = await fetch(`${first.service.baseUrl}/api/oscp/fp/2.0/heartbeat`, { method: 'POST', headers: { authorization: 'Token not-a-provider-token', 'content-type': 'application/json' }, body: '{}' });
    expect([oscp.status, ((await oscp.json()) as { code?: string }).code]).toEqual([401, 'oscp-unauthenticated']);

    expect(await first.service.stop('SIGTERM')).toBe(0);

    const second = await start();
    expect((await inboxOf(second.service, 'pki')).status).toBe(200);
    // What smart charging knew survives the restart (its station states are saved).
    expect(await (await smartChargingState(second.service)).json()).toMatchObject({ connected: true });
    expect((await fetch(`${second.service.baseUrl}/api/topology/stations/ANY-ID`, { headers: bearer })).status).toBe(200);
    expect(await second.service.stop('SIGTERM')).toBe(0);
  });
});
