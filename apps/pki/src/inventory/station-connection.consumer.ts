import { OcppVersion, timestampDate } from '@app/contracts';
import { EnvelopeConsumer, Topics } from '@app/messaging';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { StationSecurityRepository } from './station-security.repository';

export const STATION_CONNECTIONS_GROUP = 'pki.station-connections';

const PROTOCOL_NAMES: Readonly<Record<number, string>> = {
  [OcppVersion.OCPP_VERSION_1_6]: '1.6',
  [OcppVersion.OCPP_VERSION_2_0_1]: '2.0.1',
  [OcppVersion.OCPP_VERSION_2_1]: '2.1',
};

/**
 * Records every station that connects, with the version and security profile of its latest
 * connection and the minimum its registration allowed (which the gateway sends along, so the PKI
 * needs no access to the connection service's registry): the fleet a root distribution to "all stations" reaches. The write is an upsert
 * that never goes back in time, so redelivery needs no inbox.
 */
@Injectable()
export class StationConnectionConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly stations: StationSecurityRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      topic: Topics.events,
      groupId: STATION_CONNECTIONS_GROUP,
      bodies: new Set(['connected']),
      handle: async (event) => {
        if (event.body.case !== 'connected') return;
        const { protocol, securityProfile, minimumSecurityProfile } = event.body.value;
        const at = event.occurredAt ? timestampDate(event.occurredAt) : new Date();
        await this.stations.connected(event.stationId, { protocol: PROTOCOL_NAMES[protocol] ?? 'unknown', securityProfile, minimumSecurityProfile }, at);
      },
    });
  }
}
