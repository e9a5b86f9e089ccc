import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { CommandResultSchema } from './generated/csms/v1/command_result_pb';
import { StationCommandSchema } from './generated/csms/v1/station_command_pb';
import { StationEventSchema } from './generated/csms/v1/station_event_pb';
import { StationPresenceSchema } from './generated/csms/v1/station_presence_pb';

/** The message schemas that travel as top-level envelopes on our topics. */
export const envelopeSchemas = {
  stationEvent: StationEventSchema,
  stationCommand: StationCommandSchema,
  commandResult: CommandResultSchema,
  stationPresence: StationPresenceSchema,
} as const;

export type EnvelopeKind = keyof typeof envelopeSchemas;
export type EnvelopeSchema<K extends EnvelopeKind> = (typeof envelopeSchemas)[K];
export type Envelope<K extends EnvelopeKind> = MessageShape<EnvelopeSchema<K>>;

/** Fields every envelope carries, whatever its topic. */
export interface EnvelopeIdentity {
  id: string;
  stationId: string;
  correlationId: string;
  bodyCase: string | undefined;
}

export function envelopeIdentity(message: Envelope<EnvelopeKind>): EnvelopeIdentity {
  const id = message.$typeName === 'csms.v1.StationCommand' ? message.commandId : message.eventId;
  return { id, stationId: message.stationId, correlationId: message.correlationId, bodyCase: message.body.case };
}

export function schemaOf(kind: EnvelopeKind): DescMessage {
  return envelopeSchemas[kind];
}
