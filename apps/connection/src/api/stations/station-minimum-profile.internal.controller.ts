import { ApiProblems, ApiZodBody, ApiZodParam, ApiZodResponse, InternalApi, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { StationsService } from './stations.service';

const raiseMinimumProfileBody = z.strictObject({
  securityProfile: z.number().int().min(1).max(3).meta({ description: 'The profile the station was confirmed on; a lower or equal one leaves the registration as it is.' }),
});
type RaiseMinimumProfileBody = z.output<typeof raiseMinimumProfileBody>;

const raisedSchema = z.object({
  securityProfile: z.int().meta({ description: 'The registered minimum after the call.' }),
  raised: z.boolean().meta({ description: 'False when it already was at least this high.' }),
});

/**
 * The PKI's profile upgrade raises a station's registered minimum here once the station is
 * confirmed on the new profile, so that a connection on the old profile is refused from then on.
 * Service to service (INTERNAL_API_TOKEN), never lowers.
 */
@InternalApi()
@Controller('internal/connection/stations')
export class StationMinimumProfileController {
  constructor(private readonly stations: StationsService) {}

  @Post(':id/minimum-security-profile')
  @HttpCode(200)
  @ApiOperation({ summary: 'Raise the minimum security profile of a registered station (never lowers it).' })
  @ApiZodParam('id', stationIdSchema, 'The station id.')
  @ApiZodBody(raiseMinimumProfileBody)
  @ApiZodResponse(200, raisedSchema, 'The registered minimum.')
  @ApiProblems({ 400: 'The body is invalid.', 404: 'No such station.', 422: 'The station lacks the credentials of that profile.' })
  async raise(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(raiseMinimumProfileBody, 'body')) body: RaiseMinimumProfileBody) {
    return answer(await this.stations.raiseMinimumProfile(id, body.securityProfile));
  }
}
