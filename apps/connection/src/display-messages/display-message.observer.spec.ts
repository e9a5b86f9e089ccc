import type { Execution } from '../routing/command-execution';
import { commandWith } from '../commands/mapping/station-command.fixtures';
import type { DisplayMessage, DisplayMessageCriteria } from './display-message';
import { DisplayMessageLedger } from './display-message.ledger';
import { DisplayMessageObserver } from './display-message.observer';
import type { DisplayMessageRepository, DisplayMessageRequest, DisplayRequestStatus } from './display-message.repository';
import type { CommandResultObservers } from '../routing/command-result.observers';

/** The repository as a map per station, and the requests as rows: what the ledger decides shows in them. */
class FakeRepository {
  readonly messages = new Map<number, DisplayMessage>();
  readonly requests = new Map<number, DisplayMessageRequest>();

  async list() {
    return [...this.messages.values()].map((message) => ({ message, source: 'set' as const, updatedAt: new Date() }));
  }
  async save(_stationId: string, messages: readonly DisplayMessage[]) {
    for (const message of messages) this.messages.set(message.id, message);
  }
  async remove(_stationId: string, ids: readonly number[]) {
    for (const id of ids) this.messages.delete(id);
  }
  async answerRequest(stationId: string, requestId: number, criteria: DisplayMessageCriteria, status: DisplayRequestStatus, stationStatus: string | null) {
    const kept = this.requests.get(requestId);
    const request: DisplayMessageRequest = kept ?? { stationId, requestId, criteria, status, stationStatus, reportedIds: [], parts: 0, requestedAt: new Date(), completedAt: null };
    this.requests.set(requestId, { ...request, stationStatus, status: kept && kept.status !== 'requested' ? kept.status : status });
  }
  async addPart(_stationId: string, requestId: number, ids: readonly number[], last: boolean) {
    const request = this.requests.get(requestId);
    if (request === undefined) return undefined;
    const updated = { ...request, reportedIds: [...request.reportedIds, ...ids], parts: request.parts + 1, status: last ? ('complete' as const) : request.status };
    this.requests.set(requestId, updated);
    return updated;
  }
}

const message = (id: number, priority: DisplayMessage['priority'] = 'NormalCycle'): DisplayMessage => ({ id, priority, message: { format: 'UTF8', content: `m${id}` } });

function harness() {
  const repository = new FakeRepository();
  const ledger = new DisplayMessageLedger(repository as unknown as DisplayMessageRepository);
  const observer = new DisplayMessageObserver({ register: jest.fn() } as unknown as CommandResultObservers, ledger);
  const answered = (action: string, payload: object, result: Record<string, unknown>, status: Execution['outcome']['status'] = 'accepted') =>
    observer.observe(commandWith({ case: 'rawCall', value: { action, payloadJson: JSON.stringify(payload) } }), { outcome: { status, result }, call: { action, payload } });
  return { repository, ledger, answered };
}

describe('display messages from answers and reports', () => {
  it('stores a message the station accepted, not one it refused', async () => {
    const { repository, answered } = harness();
    await answered('SetDisplayMessage', { message: message(1) }, { status: 'Accepted' });
    await answered('SetDisplayMessage', { message: message(2) }, { status: 'NotSupportedPriority' }, 'rejected');
    expect([...repository.messages.keys()]).toEqual([1]);
  });

  it('forgets a message the station cleared or does not know', async () => {
    const { repository, answered } = harness();
    await repository.save('CP-1', [message(1), message(2), message(3)]);
    await answered('ClearDisplayMessage', { id: 1 }, { status: 'Accepted' });
    await answered('ClearDisplayMessage', { id: 2 }, { status: 'Unknown' }, 'rejected');
    expect([...repository.messages.keys()]).toEqual([3]);
  });

  it('ignores a command that never reached the station', async () => {
    const { repository, answered } = harness();
    await repository.save('CP-1', [message(1)]);
    await answered('ClearDisplayMessage', { id: 1 }, {}, 'timeout');
    expect([...repository.messages.keys()]).toEqual([1]);
  });

  it('replaces what a finished report covered, whether its parts overtook the answer or not', async () => {
    const { repository, ledger, answered } = harness();
    await repository.save('CP-1', [message(1), message(2, 'InFront'), message(3, 'InFront')]);
    await repository.answerRequest('CP-1', 5, { priority: 'InFront' }, 'requested', null);
    await ledger.partReported('CP-1', 5, [message(3, 'InFront'), message(4, 'InFront')], false);
    await ledger.partReported('CP-1', 5, [message(6, 'InFront')], true);
    await answered('GetDisplayMessages', { requestId: 5, priority: 'InFront' }, { status: 'Accepted' });
    expect([...repository.messages.keys()].sort()).toEqual([1, 3, 4, 6]);
    expect(repository.requests.get(5)).toMatchObject({ status: 'complete', stationStatus: 'Accepted', parts: 2, reportedIds: [3, 4, 6] });
  });

  it('reads Unknown as the station holding none of the messages asked for', async () => {
    const { repository, answered } = harness();
    await repository.save('CP-1', [message(1), message(2, 'AlwaysFront')]);
    await answered('GetDisplayMessages', { requestId: 6, priority: 'AlwaysFront' }, { status: 'Unknown' }, 'rejected');
    expect([...repository.messages.keys()]).toEqual([1]);
    expect(repository.requests.get(6)).toMatchObject({ status: 'complete', stationStatus: 'Unknown' });
  });

  it('keeps the stored messages when a report arrives for a request the CSMS never made', async () => {
    const { repository, ledger } = harness();
    await repository.save('CP-1', [message(1)]);
    await ledger.partReported('CP-1', 99, [message(2)], true);
    expect([...repository.messages.keys()]).toEqual([1, 2]);
  });
});
