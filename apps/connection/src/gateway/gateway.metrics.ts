import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { StationConnections } from './station-connections';
import { SUPPORTED_SUBPROTOCOLS } from './subprotocol';

/** 0: no credentials (stations an operator explicitly allowed), 1-3: the OCPP security profiles. */
const SECURITY_PROFILES = [0, 1, 2, 3] as const;

interface ConnectionCount {
  protocol: string;
  securityProfile: number;
  count: number;
}

/**
 * Connected stations per protocol and security profile, with a 0 for every combination nobody
 * uses: a series that is absent rather than 0 shows as "no data" on dashboards and breaks sums
 * and alerts on an idle replica.
 */
export function connectionCounts(connections: Pick<StationConnections, 'forEach'>): ConnectionCount[] {
  const counts = new Map<string, ConnectionCount>();
  const entry = (protocol: string, securityProfile: number): ConnectionCount => {
    const key = `${protocol}/${securityProfile}`;
    const found = counts.get(key) ?? { protocol, securityProfile, count: 0 };
    counts.set(key, found);
    return found;
  };
  SUPPORTED_SUBPROTOCOLS.forEach((protocol) => SECURITY_PROFILES.forEach((profile) => entry(protocol, profile)));
  connections.forEach((connection) => {
    entry(connection.protocol, connection.securityProfile).count += 1;
  });
  return [...counts.values()];
}

/** Prometheus instruments of the OCPP endpoint. */
@Injectable()
export class GatewayMetrics {
  readonly refusals: Counter;
  /** Upgrades refused with 503 + Retry-After because the CSMS is busy or its registry unavailable (ADR 033). */
  readonly turnedAway: Counter;
  /** Addresses and station ids blocked after repeated failed authentications, by scope (ADR 040). */
  readonly authBlocks: Counter;
  /** Station messages held back by the per-station message rate, and connections closed for it (ADR 040). */
  readonly messageRate: Counter;
  readonly framesReceived: Counter;
  readonly framesSent: Counter;

  constructor(
    private readonly metrics: MetricsRegistry,
    connections: StationConnections,
  ) {
    metrics.observedGauge('csms_ocpp_connections', 'Stations connected to this replica', ['protocol', 'security_profile'], (gauge) => {
      for (const { protocol, securityProfile, count } of connectionCounts(connections)) gauge.set({ protocol, security_profile: String(securityProfile) }, count);
    });
    this.refusals = metrics.counter('csms_ocpp_upgrade_refusals_total', 'WebSocket upgrades refused before the handshake', ['status']);
    this.turnedAway = metrics.counter(
      'csms_ocpp_turned_away_total',
      'Station upgrades refused with 503 or 429 + Retry-After, or dropped in their handshake, by reason (503: admission-limit, registry-busy, registry-unavailable, draining; 429: address-blocked, station-blocked, address-rate, station-rate, pending-handshakes; dropped: handshake-timeout)',
      ['reason'],
    );
    this.authBlocks = metrics.counter('csms_ocpp_auth_blocks_total', 'Addresses and station ids blocked after repeated failed authentications, by scope (address, station)', ['scope']);
    this.messageRate = metrics.counter('csms_ocpp_message_rate_limited_total', 'Station messages held back by the message rate (outcome="held") and connections closed for staying over it (outcome="closed")', ['outcome']);
    // Every reason at 0 from the start: an alert on a rate needs the series before the first refusal.
    ['admission-limit', 'registry-busy', 'registry-unavailable', 'draining', 'address-blocked', 'station-blocked', 'address-rate', 'station-rate', 'pending-handshakes', 'handshake-timeout'].forEach(
      (reason) => this.turnedAway.inc({ reason }, 0),
    );
    ['address', 'station'].forEach((scope) => this.authBlocks.inc({ scope }, 0));
    ['held', 'closed'].forEach((outcome) => this.messageRate.inc({ outcome }, 0));
    this.framesReceived = metrics.counter('csms_ocpp_frames_received_total', 'OCPP-J frames received from stations', ['protocol']);
    this.framesSent = metrics.counter('csms_ocpp_frames_sent_total', 'OCPP-J frames sent to stations', ['protocol']);
  }

  /** Upgrades being authenticated now, against OCPP_MAX_CONCURRENT_UPGRADES: how close the gateway is to turning stations away. */
  observeUpgradesInProgress(read: () => number): void {
    this.metrics.observedGauge('csms_ocpp_upgrades_in_progress', 'Station upgrades being authenticated now (at most OCPP_MAX_CONCURRENT_UPGRADES)', [], (gauge) => gauge.set(read()));
  }
}
