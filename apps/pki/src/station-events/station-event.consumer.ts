import type { StationEvent } from '@app/contracts';
import { EnvelopeConsumer, Topics } from '@app/messaging';
import { InjectDataSource, handleOnce } from '@app/persistence';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { SecurityEventLog } from '../security-events/security-event.log';
import { CertificateSigningService } from '../signing/certificate-signing.service';

export const STATION_EVENTS_GROUP = 'pki.station-events';

/**
 * The events this service acts on: connections (the security profile a station came in on) and
 * security events, which are stored (security-events/) in the transaction that records the event
 * id, so a redelivery stores nothing twice; and CSRs (signing/), which are idempotent per CSR on
 * their own (a redelivered CSR is the same request, whose certificate is sent again). Every other event is passed over without a database
 * write, so the PKI costs nothing per meter value or status.
 */
const APPLIED: ReadonlySet<string> = new Set<NonNullable<StationEvent['body']['case']>>(['connected', 'securityEvent', 'certificateSigningRequested']);

/** Follows ocpp.events; each applied event is recorded once through the inbox. */
@Injectable()
export class StationEventConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
    private readonly securityEvents: SecurityEventLog,
    private readonly signing: CertificateSigningService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      topic: Topics.events,
      groupId: STATION_EVENTS_GROUP,
      bodies: APPLIED,
      handle: async (event, { logger }) => {
        if (event.body.case === 'certificateSigningRequested') {
          const { csrPem, certificateType, stationSerialNumber } = event.body.value;
          await this.signing.received({ stationId: event.stationId, csrPem, certificateType, stationSerialNumber }, logger.child({ stationId: event.stationId }));
          return;
        }
        let securityEvent = false;
        const applied = await handleOnce(this.dataSource, PKI_SCHEMA, STATION_EVENTS_GROUP, event.eventId, async (manager) => {
          securityEvent = await this.securityEvents.apply(event, manager);
        });
        logger.debug({ eventId: event.eventId, body: event.body.case, applied, securityEvent }, 'station event');
      },
    });
  }
}
