import type { StationCommandClient } from '@app/station-commands';
import pino from 'pino';
import type { StationReadRepository } from '../stations/station-read.repository';
import { commandPipe } from './command-request.pipe';
import { StationCommandsService } from './station-commands.service';

function setup(send: StationCommandClient['send'], registered: boolean) {
  const client = { send: jest.fn(send) };
  const stations = { exists: jest.fn(async () => registered) };
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const service = new StationCommandsService(client as unknown as StationCommandClient, stations as unknown as StationReadRepository, logger);
  return { service, client, lines };
}

const reset = commandPipe('reset').transform({ type: 'hard', timeoutSeconds: 5 });

describe('StationCommandsService', () => {
  it('sends the neutral command with the requested timeout and logs who sent it', async () => {
    const { service, client, lines } = setup(async () => ({ commandId: 'c1', status: 'accepted', result: { status: 'Accepted' } }), true);
    const result = await service.send('CP-1', reset, { name: 'ops', roles: ['operator'] });
    expect(client.send).toHaveBeenCalledWith('CP-1', { case: 'reset', value: { hard: true, evseId: 0 } }, { timeoutMs: 5000, actor: 'ops' });
    expect(result).toEqual({ ok: true, value: { commandId: 'c1', status: 'accepted', result: { status: 'Accepted' } } });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ actor: 'ops', stationId: 'CP-1', command: 'reset', status: 'accepted', msg: 'operator command' });
  });

  it('tells an offline station (409) from an unknown one (404)', async () => {
    const offline = async () => ({ commandId: 'c1', status: 'not-connected' as const });
    expect(await setup(offline, true).service.send('CP-1', reset, undefined)).toMatchObject({ ok: false, error: { code: 'station-not-connected' } });
    expect(await setup(offline, false).service.send('CP-X', reset, undefined)).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
  });

  it('answers 503 when the command cannot be published', async () => {
    const { service } = setup(async () => {
      throw new Error('broker down');
    }, true);
    expect(await service.send('CP-1', reset, undefined)).toMatchObject({ ok: false, error: { code: 'command-not-delivered' } });
  });
});
