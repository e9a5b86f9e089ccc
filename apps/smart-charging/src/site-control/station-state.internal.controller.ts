import { InternalApi } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { SessionTracker } from '../sessions/session-tracker';
import { storedStateOf } from '../sessions/station-state.codec';

/**
 * GET /api/internal/smart-charging/stations/{stationId}: what the session tracker holds for a
 * station, so that operators (and the e2e suite) see which station events reached the service.
 */
@InternalApi()
@Controller('internal/smart-charging/stations')
export class StationStateInternalController {
  constructor(private readonly tracker: SessionTracker) {}

  @Get(':stationId')
  @ApiOperation({ summary: 'What smart charging knows of a station (connectivity, sessions, EV needs, capabilities).' })
  @ApiOkResponse({ description: 'The station as folded from its events; a station never heard of is disconnected with no sessions.' })
  find(@Param('stationId') stationId: string) {
    return { stationId, ...storedStateOf(this.tracker.station(stationId)) };
  }
}
