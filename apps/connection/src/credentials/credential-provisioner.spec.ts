import type { RuntimeConfig } from '@app/config';
import type { StationCommand } from '@app/contracts';
import type { CommandStatus } from '@app/station-commands';
import pino from 'pino';
import type { StationConnection } from '../gateway/station-connection';
import { StationConnections } from '../gateway/station-connections';
import type { CommandExecutor } from '../routing/command.executor';
import { verifyPassword } from '../security/password-hash';
import { CredentialProvisioner } from './credential-provisioner';
import type { CredentialProvisioningRepository } from './credential-provisioning.repository';

type Answer = { status: CommandStatus; result?: Record<string, unknown>; errorCode?: string };

const config = { stationCore: { credentialProvisioning: { sweepMs: 60_000, retryMs: 1000 } }, gateway: { callTimeoutMs: 5000 } } as unknown as RuntimeConfig;

/** A provisioning table of one station, and the station's answers to each setting. */
function setup(protocol: 'ocpp1.6' | 'ocpp2.0.1', answers: Record<string, Answer>) {
  const connections = new StationConnections();
  connections.add({ stationId: 'CP-1', protocol, isClosing: false } as unknown as StationConnection);
  const sent: StationCommand[] = [];
  const executor = {
    executeOwn: jest.fn(async (command: StationCommand) => {
      sent.push(command);
      const key = command.body.case === 'setConfiguration' ? (command.body.value.settings[0]?.key ?? '') : (command.body.case ?? '');
      return { outcome: answers[key] ?? { status: 'accepted' } };
    }),
  };
  const row = { state: 'waiting', attempts: 0, detail: '', nextAttemptAt: undefined as Date | undefined, hash: '' };
  const repository = {
    due: jest.fn(async (ids: string[]) => (ids.includes('CP-1') && row.state !== 'provisioned' ? ['CP-1'] : [])),
    claim: jest.fn(async () => (row.state === 'delivering' ? undefined : ((row.state = 'delivering'), row.attempts))),
    failed: jest.fn(async (_id: string, outcome: string, detail: string, next: Date) => Object.assign(row, { state: 'failed', attempts: row.attempts + 1, detail: `${outcome}: ${detail}`, nextAttemptAt: next })),
    requeue: jest.fn(async () => void (row.state = 'waiting')),
    provisioned: jest.fn(async (_id: string, hash: string) => ((row.state = 'provisioned'), (row.hash = hash), true)),
    noteFollowUp: jest.fn(async (_id: string, detail: string) => void (row.detail = detail)),
  };
  const lines: string[] = [];
  const provisioner = new CredentialProvisioner(
    config,
    pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    connections,
    executor as unknown as CommandExecutor,
    repository as unknown as CredentialProvisioningRepository,
  );
  const settingsSent = () =>
    sent.map((command) => {
      if (command.body.case !== 'setConfiguration') return command.body.case;
      const setting = command.body.value.settings[0];
      return { key: setting?.key, value: setting?.value };
    });
  return { provisioner, row, sent, settingsSent, lines, repository };
}

describe('CredentialProvisioner', () => {
  it('provisions only stations that booted Accepted on their current connection', async () => {
    const { provisioner, sent } = setup('ocpp2.0.1', {});
    await provisioner.sweep();
    expect(sent).toEqual([]);
    provisioner.afterAcceptedBoot('CP-1');
    await provisioner.sweep();
    expect(sent).not.toEqual([]);
  });

  it('gives a 2.0.1 station its BasicAuthPassword, stores only its hash, then drops the connection', async () => {
    const { provisioner, row, settingsSent, lines } = setup('ocpp2.0.1', {});
    provisioner.afterAcceptedBoot('CP-1');
    await provisioner.sweep();
    const [setting, drop] = settingsSent();
    expect(setting).toMatchObject({ key: 'SecurityCtrlr/BasicAuthPassword', value: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    expect(drop).toBe('dropConnection');
    const password = (setting as { value: string }).value;
    expect(row.state).toBe('provisioned');
    await expect(verifyPassword(password, row.hash)).resolves.toBe(true);
    expect(lines.join('')).not.toContain(password);
  });

  it('gives a 1.6 station its AuthorizationKey, then SecurityProfile 1, and tolerates NotSupported for the latter', async () => {
    const notSupported: Answer = { status: 'rejected', result: { status: 'Rejected', stationStatus: 'NotSupported' } };
    const { provisioner, row, settingsSent } = setup('ocpp1.6', { SecurityProfile: notSupported });
    provisioner.afterAcceptedBoot('CP-1');
    await provisioner.sweep();
    expect(settingsSent()).toEqual([{ key: 'AuthorizationKey', value: expect.stringMatching(/^[0-9a-f]{40}$/) }, { key: 'SecurityProfile', value: '1' }, 'dropConnection']);
    expect(row).toMatchObject({ state: 'provisioned', detail: '' });
  });

  it.each([
    ['rejects it', { status: 'rejected', result: { status: 'Rejected', stationStatus: 'Rejected' } }, 'rejected: SecurityCtrlr/BasicAuthPassword: rejected (Rejected)'],
    ['answers a CALLERROR', { status: 'call-error', errorCode: 'NotImplemented' }, 'call-error: SecurityCtrlr/BasicAuthPassword: call-error (NotImplemented)'],
    ['does not answer', { status: 'timeout' }, 'timeout: SecurityCtrlr/BasicAuthPassword: timeout'],
  ] as const)('keeps the station as it was when it %s, records why and tries again after the retry delay', async (_what, answer, detail) => {
    const { provisioner, row, settingsSent, repository } = setup('ocpp2.0.1', { 'SecurityCtrlr/BasicAuthPassword': answer });
    provisioner.afterAcceptedBoot('CP-1');
    const before = Date.now();
    await provisioner.sweep();
    expect(settingsSent()).toHaveLength(1);
    expect(repository.provisioned).not.toHaveBeenCalled();
    expect(row).toMatchObject({ state: 'failed', attempts: 1, detail });
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(before + 1000);
  });

  it('requeues without counting an attempt when the station left before the setting reached it', async () => {
    const { provisioner, row } = setup('ocpp2.0.1', { 'SecurityCtrlr/BasicAuthPassword': { status: 'not-connected' } });
    provisioner.afterAcceptedBoot('CP-1');
    await provisioner.sweep();
    expect(row).toMatchObject({ state: 'waiting', attempts: 0 });
  });

  it('notes a refused follow-up on the provisioned station and still drops the connection', async () => {
    const { provisioner, row, settingsSent } = setup('ocpp1.6', { SecurityProfile: { status: 'rejected', result: { status: 'Rejected', stationStatus: 'Rejected' } } });
    provisioner.afterAcceptedBoot('CP-1');
    await provisioner.sweep();
    expect(row).toMatchObject({ state: 'provisioned', detail: 'SecurityProfile: rejected (Rejected)' });
    expect(settingsSent().at(-1)).toBe('dropConnection');
  });
});
