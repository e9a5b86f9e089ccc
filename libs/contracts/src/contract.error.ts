export enum ContractErrorCode {
  corruptPayload = 'corrupt-payload',
  wrongMessageType = 'wrong-message-type',
  missingField = 'missing-field',
  unknownBody = 'unknown-body',
}

/** A Kafka payload that cannot be read as the contract of its topic. */
export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}
