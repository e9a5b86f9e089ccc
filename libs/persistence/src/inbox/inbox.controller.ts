import { Controller, Get, NotFoundException, Param, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { InternalApi } from '@app/runtime';
import type { DataSource } from 'typeorm';
import { dataSourceToken } from '../persistence.module';
import { Inject } from '@nestjs/common';
import { findDelivery } from './inbox';

/**
 * GET /api/internal/{service}/inbox/{eventId}: which of the service's
 * consumers applied an event, and when. Lets operators (and the e2e suite)
 * see that an event reached a service without reading its tables.
 */
export function inboxController(service: string, schema: string): Type<unknown> {
  @InternalApi()
  @Controller(`internal/${service}/inbox`)
  class InboxController {
    constructor(@Inject(dataSourceToken(schema)) private readonly dataSource: DataSource) {}

    @Get(':eventId')
    @ApiOperation({ summary: `Which ${service} consumers applied an event.` })
    @ApiOkResponse({ description: 'The consumers that applied the event, with the time each did.' })
    async find(@Param('eventId') eventId: string) {
      const deliveries = await findDelivery(this.dataSource.manager, schema, eventId);
      if (deliveries.length === 0) throw new NotFoundException(`event ${eventId} has not been applied by ${service}`);
      return { eventId, deliveries };
    }
  }
  Object.defineProperty(InboxController, 'name', { value: `${pascal(service)}InboxController` });
  return InboxController;
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
