import { StationCommandSchema } from '@app/contracts';
import { create } from '@bufbuild/protobuf';
import pino from 'pino';
import { CommandResultObservers } from '../routing/command-result.observers';
import { LocalListCommandObserver } from './local-list.observer';
import type { LocalListRepository } from './local-list.repository';
import { SYNC_CORRELATION_PREFIX } from './local-list.sync';

describe('LocalListCommandObserver', () => {
  const forgotten: string[] = [];
  const observer = new LocalListCommandObserver(new CommandResultObservers(pino({ level: 'silent' })), {
    forgetHeld: async (stationId: string) => {
      forgotten.push(stationId);
    },
  } as unknown as LocalListRepository);
  const sendLocalList = (correlationId: string) =>
    create(StationCommandSchema, { stationId: 'CS-1', correlationId, body: { case: 'sendLocalList', value: { version: 9, full: false, entries: [] } } });

  beforeEach(() => {
    forgotten.length = 0;
  });

  it('forgets what a station holds once it accepted a SendLocalList that was not the synchronisation’s', async () => {
    await observer.observe(sendLocalList('operator-command'), { outcome: { status: 'accepted' } });
    expect(forgotten).toEqual(['CS-1']);
  });

  it('ignores the synchronisation’s own updates, refused ones and other commands', async () => {
    await observer.observe(sendLocalList(`${SYNC_CORRELATION_PREFIX}run-1`), { outcome: { status: 'accepted' } });
    await observer.observe(sendLocalList('operator-command'), { outcome: { status: 'rejected' } });
    await observer.observe(create(StationCommandSchema, { stationId: 'CS-1', body: { case: 'clearCache', value: {} } }), { outcome: { status: 'accepted' } });
    expect(forgotten).toEqual([]);
  });
});
