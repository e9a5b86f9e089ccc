import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodResponse, RequireRole, ZodValidationPipe, stationIdSchema } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StationNodesService } from './station-nodes.service';
import { topologyAnswer } from './topology-answer';
import { nodeLocationSchema } from './topology-view.schemas';

const stationPipe = new ZodValidationPipe(stationIdSchema, 'path.stationId');
const evseIdParam = z.string().regex(/^[1-9]\d{0,3}$/, 'must be a whole number from 1').transform(Number).meta({ type: 'integer', minimum: 1 });

@ApiTokenAuth('topology')
@Controller('topology/stations')
export class StationNodesController {
  constructor(private readonly stations: StationNodesService) {}

  @Get(':stationId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'The charger node of a station', description: 'Its site, the nodes above it (whose limits apply to it), and the charger with its EVSEs.' })
  @ApiZodParam('stationId', stationIdSchema, 'The station.')
  @ApiZodResponse(200, nodeLocationSchema, 'Where the station is.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'The station is the charger of no site.' })
  async charger(@Param('stationId', stationPipe) stationId: string) {
    return topologyAnswer(await this.stations.charger(stationId));
  }

  @Get(':stationId/evses/:evseId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'The EVSE node of a station’s EVSE', description: 'Its site, the nodes above it (the charger included), and the EVSE.' })
  @ApiZodParam('stationId', stationIdSchema, 'The station.')
  @ApiZodParam('evseId', evseIdParam, 'The EVSE id on the station.')
  @ApiZodResponse(200, nodeLocationSchema, 'Where the EVSE is.')
  @ApiProblems({ 400: 'An id is invalid.', 404: 'No such charger or EVSE.' })
  async evse(@Param('stationId', stationPipe) stationId: string, @Param('evseId', new ZodValidationPipe(evseIdParam, 'path.evseId')) evseId: number) {
    return topologyAnswer(await this.stations.evse(stationId, evseId));
  }
}
