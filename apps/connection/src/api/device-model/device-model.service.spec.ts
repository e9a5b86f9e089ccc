import { OcppVersion } from '@app/contracts';
import type { ApiPrincipal } from '@app/runtime';
import { type CommandBody, type CommandOutcome, PresenceDirectory, type StationCommandClient } from '@app/station-commands';
import pino from 'pino';
import type { DeviceModelUpdate, DeviceModelUpdater } from '../device-model.port';
import type { StationReadRepository } from '../stations/station-read.repository';
import type { DeviceModelReadRepository } from './device-model-read.repository';
import { DeviceModelService } from './device-model.service';

const operator: ApiPrincipal = { name: 'noc', roles: ['operator'] };
const admin: ApiPrincipal = { name: 'root', roles: ['admin'] };

function setup(protocol: OcppVersion | undefined, answer: (body: CommandBody) => CommandOutcome) {
  const presence = new PresenceDirectory();
  if (protocol !== undefined) {
    presence.apply({ stationId: 'CP-1', body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 0, replicaId: 'r0', protocol, securityProfile: 0 } } } as Parameters<PresenceDirectory['apply']>[0]);
  }
  const sent: CommandBody[] = [];
  const client = { send: async (_stationId: string, body: CommandBody) => (sent.push(body), answer(body)) };
  const applied: DeviceModelUpdate[] = [];
  const updater = { apply: async (_stationId: string, update: DeviceModelUpdate) => void applied.push(update) };
  const stations = { exists: async (id: string) => id === 'CP-1' };
  const service = new DeviceModelService(
    {} as DeviceModelReadRepository,
    stations as unknown as StationReadRepository,
    presence,
    client as unknown as StationCommandClient,
    updater as unknown as DeviceModelUpdater,
    pino({ level: 'silent' }),
  );
  return { service, sent, applied };
}

const changed = (stationStatus: string): CommandOutcome => ({ commandId: `c-${stationStatus}`, status: stationStatus === 'Accepted' ? 'accepted' : 'rejected', result: { status: stationStatus, stationStatus, settings: [{ key: 'k', status: stationStatus, stationStatus }] } });

describe('DeviceModelService.setVariables', () => {
  it('sets 2.0.1 variables in one SetVariables and answers per variable, storing what the station took', async () => {
    const { service, sent, applied } = setup(OcppVersion.OCPP_VERSION_2_0_1, () => ({
      commandId: 'c1',
      status: 'rejected',
      result: {
        status: 'Rejected',
        settings: [
          { key: 'OCPPCommCtrlr/HeartbeatInterval', status: 'Accepted', stationStatus: 'Accepted' },
          { key: 'EVSE@1/Power', status: 'Rejected', stationStatus: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } },
        ],
      },
    }));
    const result = await service.setVariables('CP-1', { variables: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }, { key: 'EVSE@1/Power', value: '1' }] }, operator);
    expect(sent).toEqual([{ case: 'setConfiguration', value: { settings: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }, { key: 'EVSE@1/Power', value: '1' }] } }]);
    expect(result).toEqual({
      ok: true,
      value: {
        results: [
          { key: 'OCPPCommCtrlr/HeartbeatInterval', status: 'Accepted', statusInfo: null, commandId: 'c1' },
          { key: 'EVSE@1/Power', status: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' }, commandId: 'c1' },
        ],
      },
    });
    expect(applied[0]?.values).toEqual([expect.objectContaining({ variable: { name: 'HeartbeatInterval' }, value: '60' })]);
    expect(applied[0]?.refused).toEqual([expect.objectContaining({ variable: { name: 'Power' }, setStatus: 'Rejected' })]);
  });

  it('sets 1.6 keys one ChangeConfiguration each, bare or as stored, in order', async () => {
    const statuses = ['Accepted', 'RebootRequired'];
    const { service, sent } = setup(OcppVersion.OCPP_VERSION_1_6, () => changed(statuses.shift() ?? 'Rejected'));
    const result = await service.setVariables('CP-1', { variables: [{ key: 'HeartbeatInterval', value: '60' }, { key: 'OCPP16Configuration/MeterValueSampleInterval', value: '30' }] }, operator);
    expect(sent.map((body) => (body?.case === 'setConfiguration' ? body.value?.settings : undefined))).toEqual([[{ key: 'HeartbeatInterval', value: '60' }], [{ key: 'MeterValueSampleInterval', value: '30' }]]);
    expect(result.ok && result.value.results.map((entry) => entry.status)).toEqual(['Accepted', 'RebootRequired']);
  });

  it('reports a 1.6 key without an answer as NoAnswer and does not send the keys after it', async () => {
    let calls = 0;
    const { service, sent } = setup(OcppVersion.OCPP_VERSION_1_6, () => (++calls === 1 ? changed('Accepted') : { commandId: 'c2', status: 'timeout', errorDescription: 'no answer' }));
    const result = await service.setVariables('CP-1', { variables: [{ key: 'A', value: '1' }, { key: 'B', value: '2' }, { key: 'C', value: '3' }] }, operator);
    expect(sent).toHaveLength(2);
    expect(result.ok && result.value.results.map((entry) => [entry.key, entry.status])).toEqual([
      ['k', 'Accepted'],
      ['B', 'NoAnswer'],
      ['C', 'NotSent'],
    ]);
  });

  it('lets only an admin set a credential, and refuses names that are not variable names', async () => {
    const { service, sent } = setup(OcppVersion.OCPP_VERSION_2_0_1, () => changed('Accepted'));
    const secret = { variables: [{ key: 'SecurityCtrlr/BasicAuthPassword', value: 'a-long-enough-password' }] };
    expect(await service.setVariables('CP-1', secret, operator)).toMatchObject({ ok: false, error: { code: 'credential-needs-admin' } });
    expect(sent).toHaveLength(0);
    expect(await service.setVariables('CP-1', secret, admin)).toMatchObject({ ok: true });
    const network = { variables: [{ key: 'OCPPCommCtrlr/NetworkConfigurationPriority', value: '2,1' }] };
    expect(await service.setVariables('CP-1', network, operator)).toMatchObject({ ok: false, error: { code: 'credential-needs-admin' } });
    expect(await service.setVariables('CP-1', { variables: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }] }, operator)).toMatchObject({ ok: true });
    expect(await service.setVariables('CP-1', { variables: [{ key: 'HeartbeatInterval', value: '1' }] }, admin)).toMatchObject({ ok: false, error: { code: 'invalid-variable-name' } });
  });

  it('says whether an offline station exists', async () => {
    const { service } = setup(undefined, () => changed('Accepted'));
    expect(await service.setVariables('CP-1', { variables: [{ key: 'A/B', value: '1' }] }, operator)).toMatchObject({ ok: false, error: { code: 'station-not-connected' } });
    expect(await service.setVariables('CP-9', { variables: [{ key: 'A/B', value: '1' }] }, operator)).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
  });
});
