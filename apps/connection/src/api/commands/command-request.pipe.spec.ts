import { Problem } from '@app/runtime';
import { commandPipe } from './command-request.pipe';

function detailOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem && error.init.status === 400) return error.init.detail;
    throw error;
  }
  throw new Error('expected a 400 problem');
}

describe('CommandRequestPipe', () => {
  it('waits 30 s by default, and as long as asked up to 300 s', () => {
    expect(commandPipe('clear-cache').transform(undefined)).toEqual({ name: 'clear-cache', body: { case: 'clearCache', value: {} }, timeoutMs: 30_000 });
    expect(commandPipe('reset').transform({ timeoutSeconds: 300 }).timeoutMs).toBe(300_000);
    expect(detailOf(() => commandPipe('reset').transform({ timeoutSeconds: 301 }))).toMatch(/^body\.timeoutSeconds: /);
    expect(detailOf(() => commandPipe('reset').transform({ timeoutSeconds: 0 }))).toMatch(/^body\.timeoutSeconds: /);
  });

  it.each([
    ['reset', { type: 'medium' }, 'body.type: Invalid option'],
    ['reset', { type: 'hard', force: true }, 'body.force: unknown field'],
    ['remote-start', {}, 'body.idToken: '],
    ['remote-start', { idToken: 'T', chargingProfile: { id: 1, purpose: 'station-max', unit: 'A', periods: [{ startSeconds: 0, limit: 1 }] } }, 'body.chargingProfile.purpose: must be tx'],
    ['unlock-connector', { evseId: 0 }, 'body.evseId: '],
    ['change-availability', { availability: 'off' }, 'body.availability: '],
    ['trigger-message', { message: 'Authorize' }, 'body.message: '],
    ['set-configuration', { settings: [] }, 'body.settings: '],
    ['set-charging-profile', { evseId: 1, profile: { id: 1, purpose: 'station-max', unit: 'A', periods: [{ startSeconds: 0, limit: 16 }] } }, 'body.evseId: must be 0 for a station-max profile'],
    ['set-charging-profile', { evseId: 0, profile: { id: 1, purpose: 'tx', unit: 'A', periods: [{ startSeconds: 0, limit: 16 }] } }, 'body.evseId: must name the EVSE'],
    ['set-charging-profile', { profile: { id: 1, purpose: 'tx-default', unit: 'kW', periods: [{ startSeconds: 0, limit: 16 }] } }, 'body.profile.unit: '],
    ['get-composite-schedule', { evseId: 1 }, 'body.durationSeconds: '],
    ['update-firmware', { location: 'https://x', signature: 'abc' }, 'body.signingCertificate: a signed update needs both'],
    ['send-local-list', { version: 1, updateType: 'full', entries: [{ idToken: 'T' }] }, 'body.entries[0].status: is required in a full list'],
    ['raw', { action: 'Get Base Report' }, 'body.action: must be an OCPP action name'],
    ['delete-certificate', { hashAlgorithm: 'MD5', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c' }, 'body.hashAlgorithm: '],
  ] as const)('%s: refuses %j naming the field', (name, body, detail) => {
    expect(detailOf(() => commandPipe(name).transform(body))).toContain(detail);
  });

  it('refuses a body that is not an object', () => {
    expect(detailOf(() => commandPipe('reset').transform('hard'))).toMatch(/^body: /);
  });
});
