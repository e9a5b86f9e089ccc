import type { Ocpp201 } from '@app/ocpp';

/** The criteria of a GetDisplayMessages (2.0.1 O04): every message, or those with these ids, priority and state. */
export interface DisplayMessageQuery {
  ids?: readonly number[];
  priority?: Ocpp201.MessagePriorityEnumType;
  state?: Ocpp201.MessageStateEnumType;
}

export type SetMessageOutcome = Ocpp201.DisplayMessageStatusEnumType;

/**
 * The messages a 2.0.1 station shows (functional block O), kept like a real display controller
 * keeps them: by id, a new message with the same id replacing the old one. Messages for a
 * transaction are refused unless that transaction runs here (O01.FR.07: UnknownTransaction).
 */
export class DisplayMessageStore {
  private readonly messages = new Map<number, Ocpp201.MessageInfoType>();

  set(message: Ocpp201.MessageInfoType, transactionKnown: (transactionId: string) => boolean): SetMessageOutcome {
    if (message.transactionId !== undefined && !transactionKnown(message.transactionId)) return 'UnknownTransaction';
    this.messages.set(message.id, structuredClone(message));
    return 'Accepted';
  }

  /** True when the message was there. */
  clear(id: number): boolean {
    return this.messages.delete(id);
  }

  find(query: DisplayMessageQuery): Ocpp201.MessageInfoType[] {
    return [...this.messages.values()]
      .filter((message) => query.ids === undefined || query.ids.includes(message.id))
      .filter((message) => query.priority === undefined || message.priority === query.priority)
      .filter((message) => query.state === undefined || message.state === query.state)
      .sort((a, b) => a.id - b.id)
      .map((message) => structuredClone(message));
  }
}

/** The NotifyDisplayMessages parts reporting `messages`, `perPart` at a time; tbc on all but the last. */
export function displayMessageReports(requestId: number, messages: readonly Ocpp201.MessageInfoType[], perPart: number): Ocpp201.NotifyDisplayMessagesRequest[] {
  const parts: Ocpp201.NotifyDisplayMessagesRequest[] = [];
  for (let start = 0; start < messages.length; start += perPart) {
    const [first, ...rest] = messages.slice(start, start + perPart);
    if (first === undefined) break;
    const last = start + perPart >= messages.length;
    parts.push({ requestId, messageInfo: [first, ...rest], ...(last ? {} : { tbc: true }) });
  }
  return parts;
}
