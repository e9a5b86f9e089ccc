import { OcppVersion } from '@app/contracts';
import type { PresenceDirectory } from '@app/station-commands';
import { MonitoringCommandsService } from '../monitoring/monitoring-commands.service';
import { Ocpp201CallSender } from './ocpp201-call.sender';
import type { StationCommandsService } from './station-commands.service';

function sender(location: { connected: boolean; protocol: OcppVersion } | undefined) {
  const commands = { send: jest.fn(async () => ({ ok: true, value: { commandId: 'c-1', status: 'accepted', result: { status: 'Accepted' } } })) };
  const presence = { locate: () => location };
  return { sender: new Ocpp201CallSender(commands as unknown as StationCommandsService, presence as unknown as PresenceDirectory), commands };
}

describe('Ocpp201CallSender', () => {
  it('refuses a station connected over OCPP 1.6 with a 422 that names the feature and the version', () => {
    const refusal = sender({ connected: true, protocol: OcppVersion.OCPP_VERSION_1_6 }).sender.refusal('CS-16', 'display messages');
    expect(refusal).toEqual({ ok: false, error: expect.objectContaining({ code: 'command-not-expressible', message: 'display messages: OCPP 2.0.1 only; station CS-16 is connected over OCPP 1.6' }) });
  });

  it('lets a 2.0.1 station, and one not connected (the command answers not-connected), through', () => {
    expect(sender({ connected: true, protocol: OcppVersion.OCPP_VERSION_2_0_1 }).sender.refusal('CS-2', 'display messages')).toBeUndefined();
    expect(sender(undefined).sender.refusal('CS-2', 'display messages')).toBeUndefined();
  });

  it('is the one sender of the monitoring calls: same refusal, one raw call with the timeout in ms', async () => {
    const refused = sender({ connected: true, protocol: OcppVersion.OCPP_VERSION_1_6 });
    const monitoring = new MonitoringCommandsService(refused.sender);
    await expect(monitoring.setLevel('CS-16', { severity: 4 })).resolves.toMatchObject({ ok: false, error: { message: 'SetMonitoringLevel: OCPP 2.0.1 only; station CS-16 is connected over OCPP 1.6' } });
    expect(refused.commands.send).not.toHaveBeenCalled();

    const accepted = sender({ connected: true, protocol: OcppVersion.OCPP_VERSION_2_0_1 });
    await expect(new MonitoringCommandsService(accepted.sender).setLevel('CS-2', { severity: 4, timeoutSeconds: 5 })).resolves.toMatchObject({ ok: true, value: { commandId: 'c-1', status: 'Accepted' } });
    expect(accepted.commands.send).toHaveBeenCalledWith(
      'CS-2',
      { name: 'raw', body: { case: 'rawCall', value: { action: 'SetMonitoringLevel', payloadJson: '{"severity":4}' } }, timeoutMs: 5000 },
      undefined,
    );
  });
});
