import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodResponse, RequireRole } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { connectorListSchema } from './station.schemas';
import { StationsService } from './stations.service';

@ApiTokenAuth('connectors')
@Controller('stations/:id/connectors')
export class ConnectorsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "List a station's connectors", description: 'The last status each connector reported (EVSE 0 / connector 0: the station itself).' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, connectorListSchema, 'The connectors, by EVSE and connector id.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string) {
    return answer(await this.stations.connectors(id));
  }
}
