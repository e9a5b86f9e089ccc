import { CommandOutcome_Status, type StationCommand, createEnvelope } from '@app/contracts';
import type { EnvelopePublisher, PublishOptions } from '@app/messaging';
import { PresenceDirectory } from './presence-directory';
import { StationCommandClient } from './station-command.client';

function presenceAt(stationId: string, epoch: bigint, partition: number, connected = true) {
  return createEnvelope('stationPresence', {
    eventId: `${stationId}-${epoch}`,
    stationId,
    body: { case: 'state', value: { epoch, connected, commandPartition: partition, replicaId: `r${partition}` } },
  });
}

function harness() {
  const presence = new PresenceDirectory();
  const sent: { command: StationCommand; partition: number | undefined }[] = [];
  const publisher = {
    publish: async (_topic: string, envelope: StationCommand, options?: PublishOptions) => void sent.push({ command: envelope, partition: options?.partition }),
  } as unknown as EnvelopePublisher;
  const client = new StationCommandClient('backend', presence, publisher);
  const answer = (partition: number, status: CommandOutcome_Status) =>
    client.receive(
      createEnvelope('commandResult', {
        eventId: `r-${partition}-${status}`,
        stationId: 'CP-1',
        commandId: sent[0]?.command.commandId ?? '',
        originService: 'backend',
        commandPartition: partition,
        body: { case: 'outcome', value: { status } },
      }),
    );
  return { presence, sent, client, answer };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('StationCommandClient', () => {
  it('answers not-connected at once, without publishing, for a station that is offline', async () => {
    const { client, sent } = harness();
    await expect(client.send('CP-1', { case: 'clearCache', value: {} })).resolves.toMatchObject({ status: 'not-connected' });
    expect(sent).toHaveLength(0);
  });

  it('carries who asked for the command, and nobody for a service’s own decision', async () => {
    const { presence, client, sent } = harness();
    presence.apply(presenceAt('CP-1', 1n, 0));
    const outcomes = [client.send('CP-1', { case: 'clearCache', value: {} }, { actor: 'noc-dashboard' }), client.send('CP-1', { case: 'clearCache', value: {} })];
    await flush();
    expect(sent.map(({ command }) => [command.originService, command.actor])).toEqual([
      ['backend', 'noc-dashboard'],
      ['backend', ''],
    ]);
    for (const { command } of sent) {
      client.receive(
        createEnvelope('commandResult', {
          eventId: `r-${command.commandId}`,
          stationId: 'CP-1',
          commandId: command.commandId,
          originService: 'backend',
          commandPartition: 0,
          body: { case: 'outcome', value: { status: CommandOutcome_Status.ACCEPTED } },
        }),
      );
    }
    await expect(Promise.all(outcomes)).resolves.toMatchObject([{ status: 'accepted' }, { status: 'accepted' }]);
  });

  it('sends the command on to the new replica when the old one answers not-connected', async () => {
    const { presence, client, sent, answer } = harness();
    presence.apply(presenceAt('CP-1', 1n, 0));
    const outcome = client.send('CP-1', { case: 'clearCache', value: {} });
    await flush();
    presence.apply(presenceAt('CP-1', 2n, 1));
    answer(0, CommandOutcome_Status.NOT_CONNECTED);
    await flush();
    expect(sent.map(({ partition }) => partition)).toEqual([0, 1]);
    answer(1, CommandOutcome_Status.ACCEPTED);
    await expect(outcome).resolves.toMatchObject({ status: 'accepted' });
  });

  it('ignores a late not-connected from a replica the command is no longer with (regression)', async () => {
    const { presence, client, answer } = harness();
    presence.apply(presenceAt('CP-1', 1n, 0));
    const outcome = client.send('CP-1', { case: 'clearCache', value: {} });
    await flush();
    presence.apply(presenceAt('CP-1', 2n, 1));
    answer(0, CommandOutcome_Status.NOT_CONNECTED);
    await flush();
    // The old replica answers again (a redelivery): it must not decide the outcome.
    answer(0, CommandOutcome_Status.NOT_CONNECTED);
    answer(1, CommandOutcome_Status.ACCEPTED);
    await expect(outcome).resolves.toMatchObject({ status: 'accepted' });
  });

  it('does not send a command twice just because presence moved while it waits', async () => {
    const { presence, client, sent, answer } = harness();
    presence.apply(presenceAt('CP-1', 1n, 0));
    const outcome = client.send('CP-1', { case: 'clearCache', value: {} });
    await flush();
    presence.apply(presenceAt('CP-1', 2n, 1));
    await flush();
    expect(sent).toHaveLength(1);
    answer(0, CommandOutcome_Status.ACCEPTED);
    await expect(outcome).resolves.toMatchObject({ status: 'accepted' });
  });
});
