import type { CommandBody } from '@app/station-commands';
import { z } from 'zod';

/** A version-neutral command body (the `StationCommand.body` oneof). */
export type NeutralCommandBody = NonNullable<CommandBody>;

/** One operator command: how it is documented, what its JSON body holds and which neutral command it becomes. */
export interface CommandSpec<Shape extends z.ZodRawShape = z.ZodRawShape> {
  summary: string;
  description: string;
  /** The body's fields (besides `timeoutSeconds`); unknown fields are refused. */
  fields: Shape;
  /** Checks across fields, reported against the field at fault. */
  refine?(input: z.output<z.ZodObject<Shape>>, context: z.RefinementCtx): void;
  /** The version-neutral protobuf body (ocpp.commands) for a valid request. */
  toBody(input: z.output<z.ZodObject<Shape>>): NeutralCommandBody;
}

export function command<Shape extends z.ZodRawShape>(spec: CommandSpec<Shape>): CommandSpec<Shape> {
  return spec;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MAX_TIMEOUT_SECONDS = 300;

const timeoutSeconds = z
  .number()
  .int()
  .min(1)
  .max(MAX_TIMEOUT_SECONDS)
  .optional()
  .meta({ description: `How long to wait for the station's answer, 1-${MAX_TIMEOUT_SECONDS} s (default ${DEFAULT_TIMEOUT_SECONDS}).` });

/** The request body of a command endpoint: its fields and `timeoutSeconds`, nothing else. */
export function requestSchemaOf<Shape extends z.ZodRawShape>(spec: CommandSpec<Shape>) {
  const schema = z.strictObject({ ...spec.fields, timeoutSeconds });
  return spec.refine === undefined ? schema : schema.superRefine((input, context) => spec.refine?.(input as z.output<z.ZodObject<Shape>>, context));
}

// Field shapes several commands share.
export const evseIdField = (description = 'EVSE (1.6: connector id).') => z.number().int().min(1).max(2147483647).meta({ description });
export const connectorIdField = z.number().int().min(1).max(2147483647).meta({ description: 'Connector of the EVSE (2.0.1; 1.6 has one per EVSE).' });
export const idTokenTypeField = z
  .enum(['ISO14443', 'ISO15693', 'eMAID', 'Central', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization', 'IdTag'])
  .optional()
  .meta({ description: '2.0.1 IdTokenType; ignored by 1.6 stations.' });
