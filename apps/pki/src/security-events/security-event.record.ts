import { type StationEvent, timestampDate } from '@app/contracts';

/** A security event as the PKI keeps it. */
export interface SecurityEventRecord {
  eventId: string;
  stationId: string;
  /** OCPP security event type, e.g. SecurityProfileDowngrade, InvalidCredentials, TamperDetectionActivated. */
  type: string;
  /** When it happened: the station's own timestamp, or when the CSMS raised it. */
  occurredAt: Date;
  techInfo: string | null;
  /** Raised by the CSMS (its gateway refused a connection), not reported by the station. */
  raisedByCsms: boolean;
}

/**
 * The security event a station event carries, if it carries one. Events published before
 * SecurityEvent had raised_at take the envelope's time (which was the same instant), and one
 * with neither the time it was received.
 */
export function securityEventRecordOf(event: StationEvent, receivedAt: Date): SecurityEventRecord | undefined {
  if (event.body.case !== 'securityEvent') return undefined;
  const body = event.body.value;
  const stamp = body.raisedAt ?? event.occurredAt;
  return {
    eventId: event.eventId,
    stationId: event.stationId,
    type: body.type,
    occurredAt: stamp ? timestampDate(stamp) : receivedAt,
    techInfo: body.techInfo || null,
    raisedByCsms: body.raisedByCsms,
  };
}
