import type { Ocpp201 } from '@app/ocpp';
import { displayMessageReports } from '../display/display-message.store';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

/** Messages per NotifyDisplayMessages part: small, so that a few messages already make a report of several parts. */
const MESSAGES_PER_PART = 2;

function transactionRunsHere(station: StationControl, transactionId: string): boolean {
  return station.evseOfTransaction(transactionId) !== undefined;
}

/** The messages asked for follow the answer, as NotifyDisplayMessages parts (O04); Unknown when there are none. */
function getDisplayMessages(request: Ocpp201.GetDisplayMessagesRequest, station: StationControl): Ocpp201.GetDisplayMessagesResponse {
  const found = station.displayMessages.find({ ids: request.id, priority: request.priority, state: request.state });
  if (found.length === 0) return { status: 'Unknown' };
  const parts = displayMessageReports(request.requestId, found, MESSAGES_PER_PART);
  station.afterAnswer(async () => {
    for (const part of parts) await station.send('NotifyDisplayMessages', part);
  });
  return { status: 'Accepted' };
}

/** Display messages (2.0.1 functional block O) as a display controller keeps them. */
export const displayMessages201: HandlerTable<'2.0.1'> = {
  SetDisplayMessage: (request, station) => ({ status: station.displayMessages.set(request.message, (transactionId) => transactionRunsHere(station, transactionId)) }),
  ClearDisplayMessage: (request, station) => ({ status: station.displayMessages.clear(request.id) ? 'Accepted' : 'Unknown' }),
  GetDisplayMessages: getDisplayMessages,
};
