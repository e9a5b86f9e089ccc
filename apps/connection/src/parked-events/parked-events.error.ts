/** What the parked-events endpoints answer besides success. */
export enum ParkedEventsErrorCode {
  notFound = 'parked-event-not-found',
  /** The replay could not be handed to the message bus. */
  replayNotPublished = 'replay-not-published',
}

export class ParkedEventsError extends Error {
  constructor(
    readonly code: ParkedEventsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParkedEventsError';
  }
}
