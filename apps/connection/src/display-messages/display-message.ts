import type { Ocpp201 } from '@app/ocpp';

/** A message a 2.0.1 station shows on its display, as the CSMS stores it (MessageInfoType without customData). */
export interface DisplayMessage {
  id: number;
  priority: Ocpp201.MessagePriorityEnumType;
  state?: Ocpp201.MessageStateEnumType;
  startDateTime?: string;
  endDateTime?: string;
  transactionId?: string;
  message: { format: Ocpp201.MessageFormatEnumType; language?: string; content: string };
  display?: { name: string; instance?: string; evse?: { id: number; connectorId?: number } };
}

/** What a GetDisplayMessages asked for: every message, or those with these ids, priority and state. */
export interface DisplayMessageCriteria {
  ids?: number[];
  priority?: Ocpp201.MessagePriorityEnumType;
  state?: Ocpp201.MessageStateEnumType;
}

export function displayMessageOf(info: Ocpp201.MessageInfoType): DisplayMessage {
  const { format, language, content } = info.message;
  const display = info.display && {
    name: info.display.name,
    ...(info.display.instance === undefined ? {} : { instance: info.display.instance }),
    ...(info.display.evse === undefined ? {} : { evse: { id: info.display.evse.id, ...(info.display.evse.connectorId === undefined ? {} : { connectorId: info.display.evse.connectorId }) } }),
  };
  return withoutUndefined({
    id: info.id,
    priority: info.priority,
    state: info.state,
    startDateTime: info.startDateTime,
    endDateTime: info.endDateTime,
    transactionId: info.transactionId,
    message: withoutUndefined({ format, language, content }),
    display,
  });
}

export function criteriaOf(request: Ocpp201.GetDisplayMessagesRequest): DisplayMessageCriteria {
  return withoutUndefined({ ids: request.id ? [...request.id] : undefined, priority: request.priority, state: request.state });
}

function matches(message: DisplayMessage, criteria: DisplayMessageCriteria): boolean {
  if (criteria.ids !== undefined && !criteria.ids.includes(message.id)) return false;
  if (criteria.priority !== undefined && message.priority !== criteria.priority) return false;
  if (criteria.state !== undefined && message.state !== criteria.state) return false;
  return true;
}

/**
 * The stored messages a finished GetDisplayMessages shows the station no longer has: those the
 * request asked for (by its criteria, as stored) that no part reported. A station that answered
 * Unknown reported none, so every stored message matching the criteria is gone.
 */
export function staleMessageIds(stored: readonly DisplayMessage[], criteria: DisplayMessageCriteria, reportedIds: readonly number[]): number[] {
  const reported = new Set(reportedIds);
  return stored.filter((message) => matches(message, criteria) && !reported.has(message.id)).map((message) => message.id);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
