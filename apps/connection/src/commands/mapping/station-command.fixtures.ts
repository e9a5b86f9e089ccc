// Spec support: building neutral commands and checking mapped calls against the OCA schemas.
import { type StationCommand, StationCommandSchema, timestampFromDate } from '@app/contracts';
import { type OcppVersion, validateRequest, validateResponse } from '@app/ocpp';
import { type MessageInitShape, create } from '@bufbuild/protobuf';
import type { NeutralAuthorizationStatus, NeutralLimitSource, NeutralProfileKind, NeutralProfilePurpose, NeutralRateUnit, NeutralRecurrency } from './neutral-command.types';
import { toOcppCall } from './to-ocpp-call';

type CommandInit = MessageInitShape<typeof StationCommandSchema>;
export type BodyInit = NonNullable<CommandInit['body']>;

export const COMMAND_ID = 'cmd-7f3a';

export interface CommandFields {
  readonly commandId?: string;
  readonly issuedAt?: StationCommand['issuedAt'];
  readonly originService?: string;
  readonly actor?: string;
}

export function commandWith(body: BodyInit, fields: CommandFields = {}): StationCommand {
  return create(StationCommandSchema, { commandId: COMMAND_ID, stationId: 'CP-1', ...fields, body });
}

export function at(iso: string): NonNullable<StationCommand['issuedAt']> {
  return timestampFromDate(new Date(iso));
}

// Contract enum values by name (the enums themselves are not exported by @app/contracts).
export const purpose = { unspecified: 0, stationMax: 1, txDefault: 2, tx: 3, externalConstraints: 4 } as const satisfies Record<string, NeutralProfilePurpose>;
export const source = { unspecified: 0, ems: 1, other: 2, so: 3, cso: 4 } as const satisfies Record<string, NeutralLimitSource>;
export const kind = { unspecified: 0, absolute: 1, recurring: 2, relative: 3 } as const satisfies Record<string, NeutralProfileKind>;
export const recurrency = { unspecified: 0, daily: 1, weekly: 2 } as const satisfies Record<string, NeutralRecurrency>;
export const rateUnit = { unspecified: 0, ampere: 1, watt: 2 } as const satisfies Record<string, NeutralRateUnit>;
export const authorization = {
  unspecified: 0,
  accepted: 1,
  blocked: 2,
  expired: 3,
  invalid: 4,
  concurrentTx: 5,
  unknown: 6,
} as const satisfies Record<string, NeutralAuthorizationStatus>;

/** The mapped call is exactly `expected`, and the payload passes the OCA request schema. */
export function expectCall(version: OcppVersion, command: StationCommand, expected: { action: string; payload: object }): void {
  expect(toOcppCall(version, command)).toStrictEqual({ ok: true, ...expected });
  expect(validateRequest(version, expected.action, expected.payload)).toEqual({ ok: true });
}

/** The command is refused, for a reason containing `reason`. */
export function expectRefusal(version: OcppVersion, command: StationCommand, reason: string): void {
  const mapping = toOcppCall(version, command);
  expect(mapping).toEqual({ ok: false, reason: expect.stringContaining(reason) });
}

/** A station answer used in a spec must be one a real station may send. */
export function validAnswer<T extends object>(version: OcppVersion, action: string, payload: T): T {
  expect(validateResponse(version, action, payload)).toEqual({ ok: true });
  return payload;
}
