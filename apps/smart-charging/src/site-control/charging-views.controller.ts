import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodResponse, Problem, RequireRole, ZodValidationPipe, stationIdSchema } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import { SessionTracker } from '../sessions/session-tracker';
import { siteIdSchema } from '../topology/node-fields.schemas';
import { sitePipe } from '../topology/topology-params';
import { sitePlanBody, stationChargingBody } from './charging-views';
import { sitePlanSchema, stationChargingSchema } from './charging-views.schemas';
import { measuredDraw } from './measured-draw';
import { SiteAllocator } from './site-allocator';
import { StationSites } from './station-sites';

const stationPipe = new ZodValidationPipe(stationIdSchema, 'path.stationId');

/** What smart charging decided and sent: per site its allocation, per station what it holds. */
@ApiTokenAuth('smart-charging')
@Controller()
export class ChargingViewsController {
  constructor(
    private readonly allocator: SiteAllocator,
    private readonly tracker: SessionTracker,
    private readonly dispatcher: ProfileDispatcher,
    private readonly stationSites: StationSites,
  ) {}

  @Get('sites/:siteId/allocation')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'The allocation of a site',
    description: 'As last planned: per node its effective limit, load and headroom per phase; per session its allocation and the limit its station holds; per station its default and guard. Measured draws (per session and summed per node) are the newest the stations reported.',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodResponse(200, sitePlanSchema, 'The latest plan.')
  @ApiProblems({ 400: 'The site id is invalid.', 404: 'No such site, or not planned yet.' })
  allocation(@Param('siteId', sitePipe) siteId: string) {
    const plan = this.allocator.lastPlan(siteId);
    if (plan === undefined) throw new Problem({ status: 404, code: 'allocation-not-found', detail: `site ${siteId} has not been planned (it does not exist, or has no charger yet)` });
    return sitePlanBody(plan, measuredDraw(plan, (stationId) => this.tracker.station(stationId)));
  }

  @Get('topology/stations/:stationId/charging')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Smart charging of a station',
    description: 'What smart charging knows of the station (connection, sessions and their draw, capabilities) and the profiles it sent, with the station’s answers.',
  })
  @ApiZodParam('stationId', stationIdSchema, 'The station.')
  @ApiZodResponse(200, stationChargingSchema, 'The station as smart charging sees it.')
  @ApiProblems({ 400: 'The station id is invalid.' })
  station(@Param('stationId', stationPipe) stationId: string) {
    return stationChargingBody(this.tracker.station(stationId), this.stationSites.siteOf(stationId), this.dispatcher.held(stationId));
  }
}
