import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { commandAnswerSchema } from '../commands/command-answer';
import { PROBLEMS_OF_A_STATION_CALL, trackedRequestAnswerSchema } from '../commands/ocpp201-fields';
import {
  type RequestDisplayMessagesBody,
  type SetDisplayMessageBody,
  clearDisplayMessageBody,
  displayMessageListSchema,
  displayMessageRequestSchema,
  messageIdParam,
  requestDisplayMessagesBody,
  requestIdParam,
  setDisplayMessageBody,
} from './display-message.schemas';
import { DisplayMessagesService } from './display-messages.service';

/** Display messages of 2.0.1 stations (OCPP functional block O): set, clear, ask the station for them, and what it holds. */
@ApiTokenAuth('display-messages')
@Controller('stations/:id/display-messages')
export class DisplayMessagesController {
  constructor(private readonly displayMessages: DisplayMessagesService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: "List a station's display messages",
    description: 'What the station holds as far as the CSMS knows: messages it accepted (SetDisplayMessage) or reported (NotifyDisplayMessages), without those it cleared or no longer reported.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, displayMessageListSchema, 'The messages, by id.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string) {
    return answer(await this.displayMessages.list(id));
  }

  @Post()
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Set a display message', description: 'SetDisplayMessage (2.0.1): a message with the same id replaces the one the station holds. Answers once the station has answered.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(setDisplayMessageBody)
  @ApiZodResponse(200, commandAnswerSchema, 'The station answered: accepted, or rejected with its reason in `result.status` (NotSupportedPriority, UnknownTransaction, ...).')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async set(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(setDisplayMessageBody, 'body')) body: SetDisplayMessageBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.displayMessages.set(id, body, actor));
  }

  @Delete(':messageId')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Clear a display message', description: 'ClearDisplayMessage (2.0.1). Answers once the station has answered; Unknown (rejected) when it does not hold the message.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodParam('messageId', messageIdParam, 'Message id.')
  @ApiZodBody(clearDisplayMessageBody)
  @ApiZodResponse(200, commandAnswerSchema, 'The station answered.')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async clear(
    @Param('id', stationIdPipe) id: string,
    @Param('messageId', new ZodValidationPipe(messageIdParam, 'path.messageId')) messageId: number,
    @Body(new ZodValidationPipe(clearDisplayMessageBody, 'body')) body: { timeoutSeconds?: number } | undefined,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ) {
    return answer(await this.displayMessages.clear(id, messageId, body?.timeoutSeconds, actor));
  }

  @Post('requests')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Ask the station for its display messages',
    description:
      'GetDisplayMessages (2.0.1) as a tracked request: the station reports in NotifyDisplayMessages parts, which update the list; once the last part came, messages the request covered that were not reported are removed. Read its progress at `requests/{requestId}`.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(requestDisplayMessagesBody)
  @ApiZodResponse(200, trackedRequestAnswerSchema, 'The station answered: accepted (parts follow), or rejected (`Unknown`: it has no such message).')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async request(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(requestDisplayMessagesBody, 'body')) body: RequestDisplayMessagesBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.displayMessages.request(id, body, actor));
  }

  @Get('requests/:requestId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Read a display-message request', description: 'How far a GetDisplayMessages got: the station’s answer and the parts it reported.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodParam('requestId', requestIdParam, 'The requestId the request endpoint answered with.')
  @ApiZodResponse(200, displayMessageRequestSchema, 'The request.')
  @ApiProblems({ 400: 'The station id or request id is invalid.', 404: 'No such request for this station.' })
  async findRequest(@Param('id', stationIdPipe) id: string, @Param('requestId', new ZodValidationPipe(requestIdParam, 'path.requestId')) requestId: number) {
    return answer(await this.displayMessages.findRequest(id, requestId));
  }
}
