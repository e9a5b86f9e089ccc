import { ApiProblems, ApiZodBody, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Headers, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ProviderRow } from './capacity-provider.repository';
import { invalidMessage, oscpAnswer } from './oscp.error';
import {
  type Handshake,
  type Heartbeat,
  type Register,
  type UpdateGroupCapacityForecast,
  handshakeAcknowledgeSchema,
  handshakeSchema,
  heartbeatSchema,
  registerSchema,
  updateGroupCapacityForecastSchema,
} from './oscp-messages.schemas';
import { OscpMessagesService } from './oscp-messages.service';
import { OscpProvider, OscpTokenGuard } from './oscp-token.guard';

/** Where Capacity Providers reach us (under the /api prefix): the base_url we give them in Register. */
export const OSCP_BASE_PATH = 'oscp/fp/2.0';

/** The OpenAPI security scheme of the OSCP endpoints (declared in libs/runtime openapi.ts). */
export const OSCP_TOKEN_AUTH = 'oscp-token';

const PROBLEMS = {
  400: 'The message is invalid; `detail` and `errors` name the field.',
  401: 'No `Authorization: Token <token>` header, or a token no Capacity Provider was given.',
};

/**
 * OSCP lets a sender split a long message into segments (X-Segment-Index / X-Segment-Count). A
 * forecast replaces the previous one whole, so a segment taken alone would drop the others: refused.
 */
function refuseSegments(count: string | undefined): void {
  if (count === undefined || count.trim() === '1') return;
  oscpAnswer(invalidMessage([{ field: 'header.X-Segment-Count', message: `segmented messages are not supported (X-Segment-Count ${count}): send the whole forecast in one message (up to 1,000 blocks)` }]));
}

function ourBaseUrl(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}/api/${OSCP_BASE_PATH}`;
}

/** Runs `followUp` once the answer has gone out: OSCP sends the reply message after the 204 of the request. */
function afterAnswer(response: Response, followUp: () => Promise<void>): void {
  response.once('finish', () => void followUp());
}

/**
 * The OSCP 2.0 endpoints a Capacity Provider calls (docs/adr/017-oscp.md). We play the Flexibility
 * Provider towards it, with the optimisation done in-house. Every message is answered 204 No
 * Content; errors are problem JSON with a message.
 */
@ApiTags('oscp')
@ApiSecurity(OSCP_TOKEN_AUTH)
@ApiHeader({ name: 'X-Request-ID', required: false, description: 'The sender’s id of this message.' })
@ApiProblems(PROBLEMS)
@UseGuards(OscpTokenGuard)
@Controller(OSCP_BASE_PATH)
export class OscpController {
  constructor(private readonly messages: OscpMessagesService) {}

  @Post('update_group_capacity_forecast')
  @HttpCode(204)
  @ApiOperation({
    summary: 'UpdateGroupCapacityForecast',
    description:
      'CONSUMPTION: becomes the limit schedule `oscp:<provider>` of the node the group is mapped to, at once (blocks → slots; A per phase, W/kW in total or per phase at 230 V, Wh/kWh as average power). FALLBACK_CONSUMPTION: kept, applied while the provider is silent. GENERATION, FALLBACK_GENERATION, OPTIMUM: taken, not applied.',
  })
  @ApiZodBody(updateGroupCapacityForecastSchema)
  @ApiNoContentResponse({ description: 'Taken (and applied, for CONSUMPTION).' })
  @ApiProblems({ 404: 'The group is not mapped for this Capacity Provider.' })
  @ApiHeader({ name: 'X-Segment-Count', required: false, description: 'Only 1 (or absent): segmented forecasts are refused (400).' })
  async updateGroupCapacityForecast(
    @OscpProvider() provider: ProviderRow,
    @Body(new ZodValidationPipe(updateGroupCapacityForecastSchema, 'body')) body: UpdateGroupCapacityForecast,
    @Headers('x-segment-count') segmentCount: string | undefined,
  ): Promise<void> {
    refuseSegments(segmentCount);
    oscpAnswer(await this.messages.updateGroupCapacityForecast(provider, body));
  }

  @Post('heartbeat')
  @HttpCode(204)
  @ApiOperation({ summary: 'Heartbeat', description: 'The provider goes silent at `offline_mode_at` unless it speaks again; from then on its FALLBACK_CONSUMPTION forecasts apply.' })
  @ApiZodBody(heartbeatSchema)
  @ApiNoContentResponse({ description: 'Taken.' })
  async heartbeat(@OscpProvider() provider: ProviderRow, @Body(new ZodValidationPipe(heartbeatSchema, 'body')) body: Heartbeat): Promise<void> {
    oscpAnswer(await this.messages.heartbeat(provider, body, new Date()));
  }

  @Post('register')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Register',
    description:
      'With the initial token the operator handed out: `token` is what we call the provider with, `version_url` where (version 2.0). After the 204 we send our Register with a new token for the provider (the initial one then stops working) and our base URL, then a Handshake.',
  })
  @ApiZodBody(registerSchema)
  @ApiNoContentResponse({ description: 'Registered; our Register follows.' })
  async register(
    @OscpProvider() provider: ProviderRow,
    @Body(new ZodValidationPipe(registerSchema, 'body')) body: Register,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    afterAnswer(response, oscpAnswer(await this.messages.register(provider, body, ourBaseUrl(request))));
  }

  @Post('handshake')
  @HttpCode(204)
  @ApiOperation({ summary: 'Handshake', description: '`required_behaviour.heartbeat_interval`: how often the provider wants our heartbeats. A HandshakeAcknowledge follows the 204.' })
  @ApiZodBody(handshakeSchema)
  @ApiNoContentResponse({ description: 'Taken; our HandshakeAcknowledge follows.' })
  async handshake(@OscpProvider() provider: ProviderRow, @Body(new ZodValidationPipe(handshakeSchema, 'body')) body: Handshake, @Res({ passthrough: true }) response: Response): Promise<void> {
    afterAnswer(response, oscpAnswer(await this.messages.handshake(provider, body)));
  }

  @Post('handshake_acknowledge')
  @HttpCode(204)
  @ApiOperation({ summary: 'HandshakeAcknowledge', description: 'The answer to our Handshake; a heartbeat interval in it is taken as the agreed one.' })
  @ApiZodBody(handshakeAcknowledgeSchema)
  @ApiNoContentResponse({ description: 'Taken.' })
  async handshakeAcknowledge(@OscpProvider() provider: ProviderRow, @Body(new ZodValidationPipe(handshakeAcknowledgeSchema, 'body')) body: { required_behaviour?: Handshake['required_behaviour'] }): Promise<void> {
    oscpAnswer(await this.messages.handshakeAcknowledge(provider, body));
  }
}
