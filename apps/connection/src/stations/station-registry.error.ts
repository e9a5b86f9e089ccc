export enum StationRegistryErrorCode {
  unknownStation = 'unknown-station',
  notPending = 'not-pending',
}

/** An operator request about the registry that cannot be carried out; the REST edge maps the code to a status. */
export class StationRegistryError extends Error {
  constructor(
    readonly code: StationRegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StationRegistryError';
  }
}
