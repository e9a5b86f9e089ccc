import { DropCause, OcppVersion, createEnvelope } from '@app/contracts';
import type { CommandBody } from '@app/station-commands';
import { PresenceDirectory } from '@app/station-commands';
import pino from 'pino';
import { verifyPassword } from '../station-core.port';
import type { CommandAnswer } from '../commands/command-answer';
import type { PreparedCommand } from '../commands/command-request.pipe';
import type { StationCommandsService } from '../commands/station-commands.service';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import type { ConnectionDrop } from './registration-change';
import type { StationConnectionDrops } from './station-connection-drops';
import { StationPasswordRotation } from './station-password.rotation';
import type { StationReadRepository } from './station-read.repository';
import type { StationRegistrationRepository } from './station-registration.repository';

function connect(presence: PresenceDirectory, stationId: string, protocol: OcppVersion): void {
  presence.apply(
    createEnvelope('stationPresence', {
      eventId: `${stationId}-1`,
      stationId,
      body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 0, replicaId: 'r1', protocol, securityProfile: 1 } },
    }),
  );
}

function setup(answer: (body: CommandBody) => ApiResult<CommandAnswer>, registered = true) {
  const presence = new PresenceDirectory();
  const sent: PreparedCommand[] = [];
  const commands = {
    send: jest.fn(async (_stationId: string, command: PreparedCommand) => {
      sent.push(command);
      return answer(command.body);
    }),
  };
  const stored = new Map<string, string>();
  const registrations = {
    replacePasswordHash: jest.fn(async (stationId: string, hash: string) => {
      if (!registered) return false;
      stored.set(stationId, hash);
      return true;
    }),
  };
  const stations = { exists: jest.fn(async () => registered) };
  const dropped: Array<[string, ConnectionDrop]> = [];
  const drops = { drop: jest.fn(async (stationId: string, drop: ConnectionDrop) => void dropped.push([stationId, drop])) };
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const rotation = new StationPasswordRotation(
    commands as unknown as StationCommandsService,
    presence,
    stations as unknown as StationReadRepository,
    registrations as unknown as StationRegistrationRepository,
    drops as unknown as StationConnectionDrops,
    logger,
  );
  return { rotation, presence, sent, stored, lines, registrations, dropped };
}

const accepted = (): ApiResult<CommandAnswer> => succeeded({ commandId: 'c1', status: 'accepted', result: { status: 'Accepted' } });

function settingOf(command: PreparedCommand | undefined): { key: string; value: string } {
  const body = command?.body;
  if (body?.case !== 'setConfiguration') throw new Error(`not a setConfiguration: ${body?.case}`);
  const setting = body.value.settings?.[0];
  if (setting?.key === undefined || setting.value === undefined) throw new Error('no setting');
  return { key: setting.key, value: setting.value };
}

describe('StationPasswordRotation', () => {
  it('sends a 2.0.1 station a generated BasicAuthPassword and stores its hash once the station accepts', async () => {
    const { rotation, presence, sent, stored, lines } = setup(accepted);
    connect(presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    expect(await rotation.rotate('CP-2', { name: 'admin-1', roles: ['admin'] })).toEqual({ ok: true, value: { commandId: 'c1', rotated: true, result: { status: 'Accepted' } } });
    const { key, value } = settingOf(sent[0]);
    expect(key).toBe('SecurityCtrlr/BasicAuthPassword');
    expect(value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(stored.get('CP-2')).toMatch(/^hmac-sha256\$/);
    await expect(verifyPassword(value, stored.get('CP-2') ?? '')).resolves.toBe(true);
    expect(lines.join('')).not.toContain(value);
  });

  it('drops the live connection once the station took its new password, and only then', async () => {
    const took = setup(accepted);
    connect(took.presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    await took.rotation.rotate('CP-2', undefined);
    expect(took.dropped).toEqual([['CP-2', { cause: DropCause.CREDENTIALS_CHANGED, keepFromProfile: 0 }]]);
    const refused = setup(() => succeeded({ commandId: 'c2', status: 'rejected', result: { status: 'Rejected' } }));
    connect(refused.presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    await refused.rotation.rotate('CP-2', undefined);
    expect(refused.dropped).toEqual([]);
  });

  it('sends a 1.6 station the AuthorizationKey: the hexadecimal of a 20-byte password', async () => {
    const { rotation, presence, sent, stored } = setup(accepted);
    connect(presence, 'CP-1', OcppVersion.OCPP_VERSION_1_6);
    expect(await rotation.rotate('CP-1', undefined)).toMatchObject({ ok: true, value: { rotated: true } });
    const { key, value } = settingOf(sent[0]);
    expect(key).toBe('AuthorizationKey');
    expect(value).toMatch(/^[0-9a-f]{40}$/);
    const password = Buffer.from(value, 'hex').toString('utf8');
    await expect(verifyPassword(password, stored.get('CP-1') ?? '')).resolves.toBe(true);
  });

  it('keeps the old password when the station refuses the new one', async () => {
    const { rotation, presence, stored } = setup(() => succeeded({ commandId: 'c2', status: 'rejected', result: { status: 'Rejected' } }));
    connect(presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    expect(await rotation.rotate('CP-2', undefined)).toEqual({ ok: true, value: { commandId: 'c2', rotated: false, result: { status: 'Rejected' } } });
    expect(stored.size).toBe(0);
  });

  it('keeps the old password when the station does not answer in time', async () => {
    const { rotation, presence, stored } = setup(() => failed(OperatorApiErrorCode.stationTimeout, 'no answer', { commandId: 'c3' }));
    connect(presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    expect(await rotation.rotate('CP-2', undefined)).toMatchObject({ ok: false, error: { code: 'station-timeout' } });
    expect(stored.size).toBe(0);
  });

  it('says so, loudly, when the station took the password but its hash could not be stored', async () => {
    const { rotation, presence, lines, registrations } = setup(accepted);
    registrations.replacePasswordHash.mockRejectedValueOnce(new Error('database down'));
    connect(presence, 'CP-2', OcppVersion.OCPP_VERSION_2_0_1);
    await expect(rotation.rotate('CP-2', undefined)).rejects.toThrow('database down');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ level: 50, stationId: 'CP-2', commandId: 'c1' });
  });

  it('sends nothing to a station that is not connected (409) or not registered (404)', async () => {
    const offline = setup(accepted);
    expect(await offline.rotation.rotate('CP-9', undefined)).toMatchObject({ ok: false, error: { code: 'station-not-connected' } });
    expect(offline.sent).toEqual([]);
    const unknown = setup(accepted, false);
    expect(await unknown.rotation.rotate('CP-9', undefined)).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
    expect(unknown.sent).toEqual([]);
  });
});
