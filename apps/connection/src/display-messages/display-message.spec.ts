import type { Ocpp201 } from '@app/ocpp';
import { type DisplayMessage, criteriaOf, displayMessageOf, staleMessageIds } from './display-message';

const message = (id: number, priority: DisplayMessage['priority'], state?: DisplayMessage['state']): DisplayMessage => ({
  id,
  priority,
  ...(state === undefined ? {} : { state }),
  message: { format: 'UTF8', content: `message ${id}` },
});

describe('display messages', () => {
  it('keeps what the station said about a message and drops customData', () => {
    const info: Ocpp201.MessageInfoType = {
      id: 7,
      priority: 'InFront',
      state: 'Charging',
      startDateTime: '2026-01-01T00:00:00Z',
      transactionId: 'tx-1',
      message: { format: 'HTML', language: 'en', content: '<b>Hi</b>', customData: { vendorId: 'x' } },
      display: { name: 'DisplayMessageCtrlr', evse: { id: 1 } },
      customData: { vendorId: 'x' },
    };
    expect(displayMessageOf(info)).toEqual({
      id: 7,
      priority: 'InFront',
      state: 'Charging',
      startDateTime: '2026-01-01T00:00:00Z',
      transactionId: 'tx-1',
      message: { format: 'HTML', language: 'en', content: '<b>Hi</b>' },
      display: { name: 'DisplayMessageCtrlr', evse: { id: 1 } },
    });
  });

  it('reads the criteria of a GetDisplayMessages', () => {
    expect(criteriaOf({ requestId: 1 })).toEqual({});
    expect(criteriaOf({ requestId: 1, id: [3, 4], priority: 'AlwaysFront', state: 'Idle' })).toEqual({ ids: [3, 4], priority: 'AlwaysFront', state: 'Idle' });
  });

  it('finds the messages an unfiltered report left out', () => {
    const stored = [message(1, 'NormalCycle'), message(2, 'InFront'), message(3, 'AlwaysFront')];
    expect(staleMessageIds(stored, {}, [1, 3])).toEqual([2]);
    expect(staleMessageIds(stored, {}, [])).toEqual([1, 2, 3]);
  });

  it('only judges the messages the criteria asked for', () => {
    const stored = [message(1, 'NormalCycle', 'Idle'), message(2, 'NormalCycle', 'Charging'), message(3, 'InFront', 'Idle')];
    expect(staleMessageIds(stored, { priority: 'NormalCycle' }, [1])).toEqual([2]);
    expect(staleMessageIds(stored, { state: 'Idle' }, [])).toEqual([1, 3]);
    expect(staleMessageIds(stored, { ids: [2, 3] }, [3])).toEqual([2]);
    expect(staleMessageIds(stored, { ids: [2], priority: 'InFront' }, [])).toEqual([]);
  });
});
