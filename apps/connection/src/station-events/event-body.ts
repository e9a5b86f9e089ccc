import type { DescEnum, DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { StationEventSchema } from '@app/contracts';

/** The `oneof body` of a StationEvent, as protobuf-es init objects (`{ case, value }`). */
export type StationEventBody = NonNullable<MessageInitShape<typeof StationEventSchema>['body']>;

export type BodyCase = NonNullable<StationEventBody['case']>;

/** The init shape of one body, e.g. `EventBodyOf<'transaction'>` for TransactionChanged. */
export type EventBodyOf<C extends BodyCase> = NonNullable<Extract<StationEventBody, { case: C }>['value']>;

export type RegistrationStatusCode = NonNullable<EventBodyOf<'booted'>['status']>;
export type ConnectorStatusCode = NonNullable<EventBodyOf<'status'>['status']>;
export type AuthorizationStatusCode = NonNullable<EventBodyOf<'authorization'>['status']>;
export type TransactionPhaseCode = NonNullable<EventBodyOf<'transaction'>['phase']>;

/**
 * The numbers of the station-core enums (RegistrationStatus, ConnectorStatus, ...), looked up by
 * their protobuf names in the generated descriptors. `@app/contracts` does not export
 * station_core_pb, whose TypeScript enums would say the same; once it does, import those.
 * A name missing from the contract fails at start-up, not at the first event.
 */
function enumOfBodyField(body: BodyCase, fieldName: string): DescEnum {
  const bodyField = StationEventSchema.fields.find((field) => field.localName === body);
  if (bodyField?.fieldKind !== 'message') throw new Error(`StationEvent has no message body ${body}`);
  const message: DescMessage = bodyField.message;
  const field = message.fields.find((candidate) => candidate.localName === fieldName);
  if (field?.fieldKind !== 'enum') throw new Error(`${message.typeName} has no enum field ${fieldName}`);
  return field.enum;
}

function codes<K extends string, T extends number>(body: BodyCase, fieldName: string, names: Record<K, string>): Record<K, T> {
  const desc = enumOfBodyField(body, fieldName);
  const entries = Object.entries<string>(names).map(([key, name]) => {
    const value = desc.values.find((candidate) => candidate.name === name);
    if (!value) throw new Error(`${desc.typeName} has no value ${name}`);
    return [key, value.number];
  });
  return Object.fromEntries(entries) as Record<K, T>;
}

export const registrationStatusCodes = codes<'Accepted' | 'Pending' | 'Rejected', RegistrationStatusCode>('booted', 'status', {
  Accepted: 'REGISTRATION_STATUS_ACCEPTED',
  Pending: 'REGISTRATION_STATUS_PENDING',
  Rejected: 'REGISTRATION_STATUS_REJECTED',
});

export const connectorStatusCodes = codes<'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted', ConnectorStatusCode>('status', 'status', {
  Available: 'CONNECTOR_STATUS_AVAILABLE',
  Occupied: 'CONNECTOR_STATUS_OCCUPIED',
  Reserved: 'CONNECTOR_STATUS_RESERVED',
  Unavailable: 'CONNECTOR_STATUS_UNAVAILABLE',
  Faulted: 'CONNECTOR_STATUS_FAULTED',
});

export const authorizationStatusCodes = codes<'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx' | 'Unknown', AuthorizationStatusCode>(
  'authorization',
  'status',
  {
    Accepted: 'AUTHORIZATION_STATUS_ACCEPTED',
    Blocked: 'AUTHORIZATION_STATUS_BLOCKED',
    Expired: 'AUTHORIZATION_STATUS_EXPIRED',
    Invalid: 'AUTHORIZATION_STATUS_INVALID',
    ConcurrentTx: 'AUTHORIZATION_STATUS_CONCURRENT_TX',
    Unknown: 'AUTHORIZATION_STATUS_UNKNOWN',
  },
);

export const transactionPhaseCodes = codes<'Started' | 'Updated' | 'Ended', TransactionPhaseCode>('transaction', 'phase', {
  Started: 'TRANSACTION_PHASE_STARTED',
  Updated: 'TRANSACTION_PHASE_UPDATED',
  Ended: 'TRANSACTION_PHASE_ENDED',
});
