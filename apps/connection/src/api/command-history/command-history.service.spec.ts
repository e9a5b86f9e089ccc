import { encodeCursor } from '@app/runtime';
import type { CommandFilter, CommandHistoryReadRepository, CommandRow } from './command-history-read.repository';
import { CommandHistoryService } from './command-history.service';

function row(commandId: string, overrides: Partial<CommandRow> = {}): CommandRow {
  return {
    command_id: commandId,
    station_id: 'CP-1',
    origin_service: 'connection',
    actor: 'noc',
    command: 'reset',
    action: 'Reset',
    request: { type: 'Soft' },
    issued_at: new Date('2025-06-01T10:00:00.123Z'),
    completed_at: new Date('2025-06-01T10:00:00.456Z'),
    status: 'accepted',
    response: { status: 'Accepted' },
    error_code: null,
    error_description: null,
    replica: 0,
    issued_key: '2025-06-01 10:00:00.123+00',
    ...overrides,
  };
}

function setup(found: CommandRow[]) {
  const filters: CommandFilter[] = [];
  const reads = {
    list: jest.fn(async (filter: CommandFilter) => {
      filters.push(filter);
      return found;
    }),
    find: jest.fn(async (commandId: string) => found.find((candidate) => candidate.command_id === commandId)),
  };
  return { service: new CommandHistoryService(reads as unknown as CommandHistoryReadRepository), filters };
}

describe('CommandHistoryService', () => {
  it('pages newest first with a cursor on (issued_at, command id), passing the filters on', async () => {
    const { service, filters } = setup([row('c2'), row('c1')]);
    const from = new Date('2025-06-01T00:00:00Z');
    const page = await service.list({ stationId: 'CP-1', status: 'accepted', from, limit: 1 });
    expect(filters[0]).toEqual({ stationId: 'CP-1', status: 'accepted', from, to: undefined, before: undefined, limit: 2 });
    expect(page.items.map((item) => item.commandId)).toEqual(['c2']);
    expect(page.nextCursor).toBe(encodeCursor(['2025-06-01 10:00:00.123+00', 'c2']));
  });

  it('gives one command as the history keeps it', async () => {
    const { service } = setup([row('c1', { actor: null, origin_service: 'smart-charging', status: 'call-error', response: null, error_code: 'NotSupported' })]);
    expect(await service.get('c1')).toEqual({
      ok: true,
      value: {
        commandId: 'c1',
        stationId: 'CP-1',
        originService: 'smart-charging',
        actor: null,
        command: 'reset',
        action: 'Reset',
        request: { type: 'Soft' },
        issuedAt: '2025-06-01T10:00:00.123Z',
        completedAt: '2025-06-01T10:00:00.456Z',
        status: 'call-error',
        response: null,
        errorCode: 'NotSupported',
        errorDescription: null,
        replica: 0,
      },
    });
  });

  it('says when the history has no such command', async () => {
    expect(await setup([]).service.get('nope')).toMatchObject({ ok: false, error: { code: 'command-not-found', message: 'no command nope in the command history' } });
  });
});
