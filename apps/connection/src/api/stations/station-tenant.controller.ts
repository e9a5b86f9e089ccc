import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, RequireRole, TENANT_ID_PATTERN, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { stationDetailSchema } from './station.schemas';
import { StationTenantAssignment } from './station-tenant.assignment';

export const assignTenantBody = z.strictObject({
  tenant: z
    .string()
    .regex(TENANT_ID_PATTERN, 'must be a tenant id: 1-64 letters, digits, ".", "_" or "-"')
    .nullable()
    .meta({ description: 'The operator organisation the station belongs to from now on; null: none (only tokens without a tenant see it).' }),
});
export type AssignTenantBody = z.output<typeof assignTenantBody>;

@ApiTokenAuth('stations')
@Controller('stations')
export class StationTenantController {
  constructor(private readonly assignment: StationTenantAssignment) {}

  @Put(':id/tenant')
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({
    summary: 'Assign a station to a tenant',
    description:
      'Moves the station, with everything kept about it (transactions, meter values, history, commands, ...), to a tenant or to none. Only for admin tokens without a tenant: a token confined to a tenant cannot move stations between tenants (403).',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(assignTenantBody)
  @ApiZodResponse(200, stationDetailSchema, 'The station, with its new tenant.')
  @ApiProblems({ 400: 'The station id or body is invalid.', 403: 'The token is confined to a tenant.', 404: 'No such station.' })
  async assign(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(assignTenantBody, 'body')) body: AssignTenantBody) {
    return answer(await this.assignment.assign(id, body.tenant));
  }
}
