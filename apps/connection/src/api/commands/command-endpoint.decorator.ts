import { ApiProblems, ApiZodBody, ApiZodParam, ApiZodResponse } from '@app/runtime';
import { HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { stationIdSchema } from '../api-schemas';
import { commandAnswerSchema } from './command-answer';
import { type CommandName, commandCatalogue } from './command-catalogue';
import { type CommandSpec, requestSchemaOf } from './command-spec';

/** POST /stations/{id}/commands/{name}, documented from the command's catalogue entry. The role stays on the method. */
export function CommandEndpoint(name: CommandName): MethodDecorator {
  const spec: CommandSpec = commandCatalogue[name];
  return applyDecorators(
    Post(`:id/commands/${name}`),
    HttpCode(200),
    ApiOperation({ summary: spec.summary, description: `${spec.description}\n\nAnswers once the station has answered (or the timeout passed).` }),
    ApiZodParam('id', stationIdSchema, 'Station id.'),
    ApiZodBody(requestSchemaOf(spec)),
    ApiZodResponse(200, commandAnswerSchema, 'The station answered: accepted or rejected, with its answer in `result`.'),
    ApiProblems({
      400: 'The body is invalid (the detail names the field).',
      404: 'No such station.',
      409: 'The station is not connected.',
      422: 'The command cannot be expressed in the station’s OCPP version.',
      502: 'The station answered with a CALLERROR (`stationErrorCode`).',
      503: 'The command could not be handed to the message bus.',
      504: 'The station did not answer in time.',
    }),
  );
}
