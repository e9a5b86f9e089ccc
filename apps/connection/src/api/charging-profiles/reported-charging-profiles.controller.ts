import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { type ReportedChargingProfilesQuery, reportedChargingProfilePageSchema, reportedChargingProfilesQuery } from './reported-charging-profiles.schemas';
import { ReportedChargingProfilesService } from './reported-charging-profiles.service';

@ApiTokenAuth('stations')
@Controller('stations')
export class ReportedChargingProfilesController {
  constructor(private readonly reported: ReportedChargingProfilesService) {}

  @Get(':id/reported-charging-profiles')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Get the charging profiles a station reported',
    description:
      'What a 2.0.1 station said it holds (ReportChargingProfiles, its answer to the get-charging-profiles command), newest first; filter by the command’s requestId. 1.6 stations cannot list their profiles. Kept for HISTORY_RETENTION_DAYS.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodQuery(reportedChargingProfilesQuery)
  @ApiZodResponse(200, reportedChargingProfilePageSchema, 'A page of reported profiles.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(reportedChargingProfilesQuery, 'query')) query: ReportedChargingProfilesQuery) {
    return answer(await this.reported.list(id, query));
  }
}
