import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { StationConnections } from './station-connections';

/** Prometheus instruments of the OCPP endpoint. */
@Injectable()
export class GatewayMetrics {
  readonly refusals: Counter;
  readonly framesReceived: Counter;
  readonly framesSent: Counter;

  constructor(metrics: MetricsRegistry, connections: StationConnections) {
    metrics.observedGauge('csms_ocpp_connections', 'Stations connected to this replica', ['protocol', 'security_profile'], (gauge) => {
      const counts = new Map<string, { protocol: string; profile: number; count: number }>();
      connections.forEach((connection) => {
        const key = `${connection.protocol}/${connection.securityProfile}`;
        const entry = counts.get(key) ?? { protocol: connection.protocol, profile: connection.securityProfile, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      });
      counts.forEach(({ protocol, profile, count }) => gauge.set({ protocol, security_profile: String(profile) }, count));
    });
    this.refusals = metrics.counter('csms_ocpp_upgrade_refusals_total', 'WebSocket upgrades refused before the handshake', ['status']);
    this.framesReceived = metrics.counter('csms_ocpp_frames_received_total', 'OCPP-J frames received from stations', ['protocol']);
    this.framesSent = metrics.counter('csms_ocpp_frames_sent_total', 'OCPP-J frames sent to stations', ['protocol']);
  }
}
