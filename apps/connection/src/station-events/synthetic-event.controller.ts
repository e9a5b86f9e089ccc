import { InternalApi } from '@app/runtime';
import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StationEventEmitter, protocolByName } from './station-event.emitter';

const connectedRequest = z.object({
  stationId: z.string().regex(/^[A-Za-z0-9*\-_=:+|@.]{1,48}$/, 'must be 1-48 characters of the OCPP identifier set'),
  protocol: z.enum(['ocpp1.6', 'ocpp2.0.1']).default('ocpp2.0.1'),
  securityProfile: z.number().int().min(0).max(3).default(1),
});

/**
 * Publishes a "connected" event as if a station had connected. Operators use
 * it to check the event path end to end before any charger is attached.
 */
@InternalApi()
@Controller('internal/connection/synthetic-events')
export class SyntheticEventController {
  constructor(private readonly events: StationEventEmitter) {}

  @Post('connected')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish a synthetic station-connected event on ocpp.events.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['stationId'],
      properties: {
        stationId: { type: 'string', maxLength: 48, example: 'CP-0001' },
        protocol: { type: 'string', enum: ['ocpp1.6', 'ocpp2.0.1'], default: 'ocpp2.0.1' },
        securityProfile: { type: 'integer', minimum: 0, maximum: 3, default: 1 },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The event is durable on the bus.', schema: { properties: { eventId: { type: 'string' } } } })
  async connected(@Body() body: unknown): Promise<{ eventId: string }> {
    const parsed = connectedRequest.safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadRequestException(`${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    }
    const { stationId, protocol, securityProfile } = parsed.data;
    const eventId = await this.events.connected(stationId, { protocol: protocolByName[protocol], securityProfile });
    return { eventId };
  }
}
