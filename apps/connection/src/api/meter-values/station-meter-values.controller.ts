import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { type StationMeterValuesQuery, stationMeterSamplePageSchema, stationMeterValuesQuery } from './station-meter-values.schemas';
import { StationMeterValuesService } from './station-meter-values.service';

@ApiTokenAuth('stations')
@Controller('stations')
export class StationMeterValuesController {
  constructor(private readonly meterValues: StationMeterValuesService) {}

  @Get(':id/meter-values')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Get a station’s meter values',
    description:
      'Every sample the station reported (MeterValues and transaction messages, both versions), normalised (W, Wh, A, V, ...), in or outside transactions: by EVSE, then newest first. Filter by EVSE, measurand and time to draw a chart.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodQuery(stationMeterValuesQuery)
  @ApiZodResponse(200, stationMeterSamplePageSchema, 'A page of meter samples.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(stationMeterValuesQuery, 'query')) query: StationMeterValuesQuery) {
    return answer(await this.meterValues.list(id, query));
  }
}
