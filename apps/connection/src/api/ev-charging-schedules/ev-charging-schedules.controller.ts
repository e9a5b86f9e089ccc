import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodResponse, RequireRole } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema, timestampSchema } from '../api-schemas';
import { EvChargingSchedulesService } from './ev-charging-schedules.service';

export const evChargingScheduleListSchema = z.object({
  items: z.array(
    z.object({
      evseId: z.number().int(),
      timeBase: timestampSchema.meta({ description: 'The instant the schedule’s periods count from.' }),
      chargingSchedule: z.record(z.string(), z.unknown()).meta({ description: 'The EV’s ChargingScheduleType as the station sent it (2.0.1).' }),
      receivedAt: timestampSchema,
    }),
  ),
});

/** The charging schedule each EV last proposed (NotifyEVChargingSchedule, 2.0.1 ISO 15118). */
@ApiTokenAuth('ev-charging-schedules')
@Controller('stations/:id/ev-charging-schedules')
export class EvChargingSchedulesController {
  constructor(private readonly schedules: EvChargingSchedulesService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "List the EVs' charging schedules", description: 'Per EVSE, the schedule the EV last proposed in NotifyEVChargingSchedule.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, evChargingScheduleListSchema, 'The schedules, by EVSE.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string) {
    return answer(await this.schedules.list(id));
  }
}
