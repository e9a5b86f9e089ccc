import { fieldErrorsOf, invalidRequest } from '@app/runtime';
import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type CommandName, commandCatalogue } from './command-catalogue';
import { type CommandSpec, DEFAULT_TIMEOUT_SECONDS, type NeutralCommandBody, requestSchemaOf } from './command-spec';

/** A command request, validated and decoded: the neutral body to send and how long to wait. */
export interface PreparedCommand {
  name: CommandName;
  body: NeutralCommandBody;
  timeoutMs: number;
}

/**
 * Decodes the JSON body of POST /stations/{id}/commands/{name}: validates it (400 naming the
 * field, unknown fields refused) and maps it to the version-neutral protobuf body.
 */
export class CommandRequestPipe implements PipeTransform<unknown, PreparedCommand> {
  private readonly spec: CommandSpec;
  private readonly schema: z.ZodType<Record<string, unknown> & { timeoutSeconds?: number }>;

  constructor(private readonly name: CommandName) {
    this.spec = commandCatalogue[name];
    this.schema = requestSchemaOf(this.spec);
  }

  transform(value: unknown): PreparedCommand {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw invalidRequest(fieldErrorsOf('body', parsed.error.issues));
    const { timeoutSeconds, ...fields } = parsed.data;
    return { name: this.name, body: this.spec.toBody(fields), timeoutMs: (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000 };
  }
}

export const commandPipe = (name: CommandName) => new CommandRequestPipe(name);
