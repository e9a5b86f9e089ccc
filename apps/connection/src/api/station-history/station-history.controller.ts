import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { type StationHistoryQuery, historyPageSchema, stationHistoryQuery } from './station-history.schemas';
import { StationHistoryService } from './station-history.service';

@ApiTokenAuth('stations')
@Controller('stations')
export class StationHistoryController {
  constructor(private readonly history: StationHistoryService) {}

  @Get(':id/history')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Get a station’s history',
    description:
      'Its boots (what it reported and what the CSMS answered, with the reason when Pending or Rejected), its connector status changes, its connections opened and closed, and its notifications (firmware update and log upload progress, DataTransfer with the answer it got), newest first. Written in the background: an event shows up shortly after it happened. Kept for HISTORY_RETENTION_DAYS.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodQuery(stationHistoryQuery)
  @ApiZodResponse(200, historyPageSchema, 'A page of history entries.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(stationHistoryQuery, 'query')) query: StationHistoryQuery) {
    return answer(await this.history.list(id, query));
  }
}
