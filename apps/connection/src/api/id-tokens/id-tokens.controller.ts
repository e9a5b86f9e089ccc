import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { type IdTokenView, type ListIdTokensQuery, type PutIdTokenBody, idTokenPageSchema, idTokenSchema, idTokenValueSchema, listIdTokensQuery, putIdTokenBody } from './id-token.schemas';
import { IdTokensService } from './id-tokens.service';

const valuePipe = new ZodValidationPipe(idTokenValueSchema, 'path.value');

@ApiTokenAuth('id-tokens')
@Controller('id-tokens')
export class IdTokensController {
  constructor(private readonly idTokens: IdTokensService) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'List id tokens', description: 'Registered id tokens (RFID cards, eMAIDs, ...), ordered by value.' })
  @ApiZodQuery(listIdTokensQuery)
  @ApiZodResponse(200, idTokenPageSchema, 'A page of id tokens.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listIdTokensQuery, 'query')) query: ListIdTokensQuery) {
    return this.idTokens.list(query);
  }

  @Put(':value')
  @RequireRole('operator')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Register or update an id token', description: 'Sets its status, type and expiry; Authorize uses it from the next request on.' })
  @ApiZodParam('value', idTokenValueSchema, 'The id token.')
  @ApiZodBody(putIdTokenBody)
  @ApiZodResponse(200, idTokenSchema, 'The token was updated.')
  @ApiZodResponse(201, idTokenSchema, 'The token was registered.')
  @ApiProblems({ 400: 'The body or value is invalid (the detail names the field).' })
  async put(
    @Param('value', valuePipe) value: string,
    @Body(new ZodValidationPipe(putIdTokenBody, 'body')) body: PutIdTokenBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IdTokenView> {
    const { created, token } = await this.idTokens.put(value, body);
    response.status(created ? 201 : 200);
    return token;
  }

  @Delete(':value')
  @HttpCode(204)
  @RequireRole('operator')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Delete an id token', description: 'Authorize treats it as unknown from the next request on.' })
  @ApiZodParam('value', idTokenValueSchema, 'The id token.')
  @ApiNoContentResponse({ description: 'The token was deleted.' })
  @ApiProblems({ 400: 'The value is invalid.', 404: 'No such id token.' })
  async delete(@Param('value', valuePipe) value: string): Promise<void> {
    answer(await this.idTokens.delete(value));
  }
}
