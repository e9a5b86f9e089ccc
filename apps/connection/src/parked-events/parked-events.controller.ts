import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, Problem, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ParkedEventsError, ParkedEventsErrorCode } from './parked-events.error';
import {
  type ListParkedEventsQuery,
  type ReplayGroupBody,
  listParkedEventsQuery,
  parkedEventIdSchema,
  parkedEventPageSchema,
  parkedEventSchema,
  replayGroupBody,
  replayReportSchema,
} from './parked-events.schemas';
import { ParkedEventsService } from './parked-events.service';

const STATUS: Readonly<Record<ParkedEventsErrorCode, number>> = {
  [ParkedEventsErrorCode.notFound]: 404,
  [ParkedEventsErrorCode.replayNotPublished]: 503,
};

const REPLAY_NOTE =
  'The record goes back to its original topic and partition with a header that only its consumer group handles; the other groups pass it over. Handlers are idempotent by event id, so an event the group has applied meanwhile changes nothing. If it fails again the same way, it is parked again (a new parked event).';

/** Parked records are admin business: replaying re-runs a handler's side effects, and the errors may name internals. */
@ApiTokenAuth('parked-events')
// Parked events of every group and station, whatever their tenant: platform operations, refused to tenant tokens (ADR 037).
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly parkedEvents: ParkedEventsService) {}

  @Get()
  @TenantScoped.untenanted()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'List parked events',
    description: 'Records that a consumer group (of any service) failed on the same way repeatedly and parked on ocpp.parked, oldest first, with their origin and error (ADR 041).',
  })
  @ApiZodQuery(listParkedEventsQuery)
  @ApiZodResponse(200, parkedEventPageSchema, 'A page of parked events.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listParkedEventsQuery, 'query')) query: ListParkedEventsQuery) {
    return this.parkedEvents.list(query);
  }

  @Post('replay')
  @TenantScoped.untenanted()
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Replay a consumer group’s parked events', description: `Replays, oldest first, the group’s parked events that were never replayed. ${REPLAY_NOTE}` })
  @ApiZodBody(replayGroupBody)
  @ApiZodResponse(200, replayReportSchema, 'The events replayed.')
  @ApiProblems({ 400: 'The body is invalid.', 503: 'A replay could not be handed to the message bus; the events before it were replayed.' })
  replayGroup(@Body(new ZodValidationPipe(replayGroupBody, 'body')) body: ReplayGroupBody) {
    return answering(() => this.parkedEvents.replayGroup(body.group));
  }

  @Post(':id/replay')
  @TenantScoped.untenanted()
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Replay one parked event', description: `Replays it whether or not it was replayed before. ${REPLAY_NOTE}` })
  @ApiZodParam('id', parkedEventIdSchema, 'Parked event id.')
  @ApiZodResponse(200, parkedEventSchema, 'The event, replayed.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such parked event.', 503: 'The replay could not be handed to the message bus.' })
  replayOne(@Param('id', new ZodValidationPipe(parkedEventIdSchema, 'path.id')) id: string) {
    return answering(() => this.parkedEvents.replayOne(id));
  }
}

async function answering<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ParkedEventsError) throw new Problem({ status: STATUS[error.code], code: error.code, detail: error.message });
    throw error;
  }
}
