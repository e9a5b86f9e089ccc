import { type StationEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { securityEventRecordOf } from './security-event.record';
import { SecurityEventRepository } from './security-event.repository';

/** Keeps the security events of ocpp.events: applied once per event id, with the consumer's inbox row. */
@Injectable()
export class SecurityEventLog {
  constructor(private readonly events: SecurityEventRepository) {}

  /** Stores the event if it is a security event; true when it was one. */
  async apply(event: StationEvent, manager: EntityManager): Promise<boolean> {
    const record = securityEventRecordOf(event, new Date());
    if (record === undefined) return false;
    await this.events.insert(manager, record);
    return true;
  }
}
