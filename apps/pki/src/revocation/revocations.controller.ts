import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodQuery, ApiZodResponse, CallerTenant, CurrentPrincipal, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { revocationAnswer } from './revocation.error';
import { type ListRevocationsQuery, type RevokeBody, listRevocationsQuery, revocationPageSchema, revocationSchema, revokeBody } from './revocation.schemas';
import { RevocationService } from './revocation.service';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

@ApiTokenAuth('revocations')
@Controller('revocations')
export class RevocationsController {
  constructor(
    private readonly revocations: RevocationService,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Post()
  @TenantScoped.bodyObjects('issued-certificate', 'serialNumber')
  @HttpCode(201)
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Revoke a certificate',
    description:
      'Revokes the certificate one of our CAs issued with this serial, for an RFC 5280 reason. Final: there is no un-revoking. The CA’s CRL is renewed at once and the OCSP responder answers `revoked` from now on.',
  })
  @ApiZodBody(revokeBody)
  @ApiZodResponse(201, revocationSchema, 'The certificate is revoked.')
  @ApiProblems({
    400: 'The body is invalid (the detail names the field).',
    404: 'No CA of ours (or not the one named) issued a certificate with this serial.',
    409: 'The certificate is revoked already (`revocation` holds the existing one), or several CAs issued the serial (`caIds`; name one in `caId`).',
  })
  revoke(@Body(new ZodValidationPipe(revokeBody, 'body')) body: RevokeBody, @CurrentPrincipal() principal: ApiPrincipal | undefined) {
    return revocationAnswer(this.revocations.revoke(principal?.name ?? 'unknown', body));
  }

  @Get()
  @TenantScoped.filtered()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List revocations', description: 'Revoked certificates, most recently revoked first, of every CA or one.' })
  @ApiZodQuery(listRevocationsQuery)
  @ApiZodResponse(200, revocationPageSchema, 'A page of revocations.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listRevocationsQuery, 'query')) query: ListRevocationsQuery, @CallerTenant() tenant: string | undefined) {
    return this.revocations.list(query, await this.tenancy.visibleTo(tenant));
  }
}
