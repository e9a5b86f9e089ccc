import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { SecurityEventLog } from './security-event.log';
import { SecurityEventRepository } from './security-event.repository';
import { SecurityEventsController } from './security-events.controller';
import { SecurityEventsService } from './security-events.service';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const securityEventControllers = [SecurityEventsController];

/**
 * Security events: stored from ocpp.events by the station-event consumer (through SecurityEventLog)
 * and served at GET /api/security-events.
 */
@Module({
  imports: [PkiPersistenceModule],
  controllers: securityEventControllers,
  providers: [SecurityEventRepository, SecurityEventLog, SecurityEventsService],
  exports: [SecurityEventLog, SecurityEventRepository],
})
export class SecurityEventsModule {}
