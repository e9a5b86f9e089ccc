import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { authorityAnswer } from './authority-answer';
import {
  type CreateCaBody,
  type ImportCaBody,
  type ListCasQuery,
  caIdSchema,
  caListSchema,
  caSchema,
  caViewOf,
  createCaBody,
  importCaBody,
  listCasQuery,
} from './authority.schemas';
import { AuthoritiesService } from './authorities.service';

const caIdPipe = new ZodValidationPipe(caIdSchema, 'path.caId');

@ApiTokenAuth('certificate authorities')
@Controller('certificate-authorities')
export class AuthoritiesController {
  constructor(private readonly authorities: AuthoritiesService) {}

  @Get()
  @TenantScoped.shared()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List CAs', description: 'Every CA of this PKI in creation order, with its certificate; never a private key.' })
  @ApiZodQuery(listCasQuery)
  @ApiZodResponse(200, caListSchema, 'The CAs.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listCasQuery, 'query')) query: ListCasQuery) {
    return { items: (await this.authorities.list(query.role)).map(caViewOf) };
  }

  @Post()
  @TenantScoped.untenanted()
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Create a CA',
    description:
      'A self-signed root (role root or v2gRoot) or an issuing sub-CA under one (stationSubCa, v2gSubCa), over a new key generated here and kept as an encrypted file under PKI_KEY_DIR (PKI_CA_KEY_PASSPHRASE). A new issuing CA becomes the active one of its role unless `activate` is false.',
  })
  @ApiZodBody(createCaBody)
  @ApiZodResponse(201, caSchema, 'The CA was created.')
  @ApiProblems({ 400: 'The body is invalid.', 409: 'The name is taken.', 422: 'The parent is missing, of the wrong role or expired.', 503: 'PKI_KEY_DIR or PKI_CA_KEY_PASSPHRASE is not set.' })
  async create(@Body(new ZodValidationPipe(createCaBody, 'body')) body: CreateCaBody) {
    const { commonName, organization, country, ...rest } = body;
    return caViewOf(await authorityAnswer(this.authorities.create({ ...rest, subject: { commonName, organization, country } })));
  }

  @Post('import')
  @TenantScoped.untenanted()
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Import a CA',
    description: 'An existing CA certificate with its encrypted private key (encrypted PKCS#8 under PKI_CA_KEY_PASSPHRASE); the key must be the certificate’s. The key is kept as a file under PKI_KEY_DIR.',
  })
  @ApiZodBody(importCaBody)
  @ApiZodResponse(201, caSchema, 'The CA was imported.')
  @ApiProblems({ 400: 'The body is invalid.', 409: 'The name is taken.', 422: 'The certificate, key or parent is refused (the detail says why).', 503: 'PKI_KEY_DIR or PKI_CA_KEY_PASSPHRASE is not set.' })
  async import(@Body(new ZodValidationPipe(importCaBody, 'body')) body: ImportCaBody) {
    return caViewOf(await authorityAnswer(this.authorities.import(body)));
  }

  @Get(':caId')
  @TenantScoped.shared()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'A CA' })
  @ApiZodParam('caId', caIdSchema, 'The CA.')
  @ApiZodResponse(200, caSchema, 'The CA.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such CA.' })
  async get(@Param('caId', caIdPipe) caId: string) {
    return caViewOf(await authorityAnswer(this.authorities.get(caId)));
  }

  @Get(':caId/certificate.pem')
  @TenantScoped.shared()
  @RequireRole('viewer')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOperation({ summary: 'Download a CA certificate (PEM)', description: 'E.g. the root for OCPP_TLS_CA_FILE, or to install on stations.' })
  @ApiZodParam('caId', caIdSchema, 'The CA.')
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'The CA certificate, PEM.', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such CA.' })
  async certificate(@Param('caId', caIdPipe) caId: string): Promise<string> {
    return (await authorityAnswer(this.authorities.get(caId))).certificatePem;
  }

  @Post(':caId/activate')
  @TenantScoped.untenanted()
  @HttpCode(200)
  @RequireRole('security-officer')
  @ApiOperation({ summary: 'Make an issuing CA the active one', description: 'From now on it signs the CSRs of its role; the previously active one stays valid for what it issued.' })
  @ApiZodParam('caId', caIdSchema, 'The CA.')
  @ApiZodResponse(200, caSchema, 'The CA, now active.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such CA.', 409: 'A root or an expired CA cannot be activated.' })
  async activate(@Param('caId', caIdPipe) caId: string) {
    return caViewOf(await authorityAnswer(this.authorities.activate(caId)));
  }
}
