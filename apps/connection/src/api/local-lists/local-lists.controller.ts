import { ApiProblems, Problem, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, type ApiPrincipal, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import {
  type ListLocalListsQuery,
  type PushGroupBody,
  type PushLocalListBody,
  groupReportSchema,
  listLocalListsQuery,
  localListPageSchema,
  localListSchema,
  pushGroupBody,
  pushLocalListBody,
  syncReportSchema,
} from './local-list.schemas';
import { LocalListsService } from './local-lists.service';

const PUSH_DESCRIPTION =
  'Asks the station for its list version, then sends what its list lacks: a differential update when it holds the version the CSMS last saw it accept, the full list otherwise (or when `full` is set), in as many SendLocalList messages as its limits need. Every accepted message advances the stored version; a VersionMismatch is answered with the full list.';

@ApiTokenAuth('local-lists')
@Controller()
export class LocalListsController {
  constructor(private readonly localLists: LocalListsService) {}

  @Get('local-lists')
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List stations’ local lists', description: 'Each station’s list version, entries held and wanted, and sync state, ordered by station id.' })
  @ApiZodQuery(listLocalListsQuery)
  @ApiZodResponse(200, localListPageSchema, 'A page of local list states.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listLocalListsQuery, 'query')) query: ListLocalListsQuery, @CallerTenant() tenant: string | undefined) {
    return this.localLists.list(query, tenant);
  }

  @Get('stations/:id/local-list')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a station’s local list', description: 'Its state and the entries the station holds, as far as the CSMS knows.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, localListSchema, 'The station’s local list.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async get(@Param('id', stationIdPipe) id: string) {
    return answer(await this.localLists.get(id));
  }

  @Post('stations/:id/local-list/push')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Push the local list to a station', description: PUSH_DESCRIPTION })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(pushLocalListBody)
  @ApiZodResponse(200, syncReportSchema, 'How the update ended (see `state`), with every message sent and the station’s answers.')
  @ApiProblems({
    400: 'The body or station id is invalid.',
    404: 'No such station.',
    409: 'The station is not connected, or another update of its list is running.',
    503: 'The command could not be handed to the message bus.',
  })
  async push(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(pushLocalListBody, 'body')) body: PushLocalListBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    const report = answer(await this.localLists.push(id, body.full, actor));
    // Another update of this list runs (a reconciliation, another operator): nothing was sent.
    if (report.state === 'busy') throw new Problem({ status: 409, code: 'local-list-busy', detail: report.error ?? 'another update of this station’s local list is running' });
    return report;
  }

  @Post('local-lists/push')
  @HttpCode(200)
  @RequireRole('operator')
  @TenantScoped.bodyObjects('station', 'stationIds')
  @ApiOperation({
    summary: 'Push the local list to a group of stations',
    description: `To the stations named in \`stationIds\`, or (\`select: "out-of-sync"\`) to every station whose list is pending or failed, at most 100 per request. Per station: ${PUSH_DESCRIPTION}`,
  })
  @ApiZodBody(pushGroupBody)
  @ApiZodResponse(200, groupReportSchema, 'One report per station, in the order given.')
  @ApiProblems({ 400: 'The body is invalid.' })
  pushGroup(@Body(new ZodValidationPipe(pushGroupBody, 'body')) body: PushGroupBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.localLists.pushGroup(body, actor);
  }
}
