/**
 * Thrown by a handler for a message that will never succeed (it contradicts
 * stored state, names something that cannot exist, ...): the message goes to
 * the dead-letter topic instead of being retried.
 */
export class UnprocessableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableMessageError';
  }
}
