import { EventEmitter } from 'node:events';
import type { ConnectFailure } from '../connection/station-socket';
import { StationError, StationErrorCode } from './station.error';
import type { BootResult, MeterSample, StopReason } from './station-model';

/** What a station reports; the fleet turns these into metrics, tests wait on them. */
export interface StationEventMap {
  connected: { readonly protocol: string };
  connectFailed: ConnectFailure;
  disconnected: { readonly code: number; readonly reason: string };
  /** A CALL the station sent was settled; `errorCode` set when it failed (OCPP error code, timeout, closed, ...). */
  callCompleted: { readonly action: string; readonly durationMs: number; readonly errorCode?: string };
  /** The CSMS sent a CALL; `errorCode` set when the station could not answer it normally. */
  callReceived: { readonly action: string; readonly errorCode?: string };
  booted: BootResult;
  transactionStarted: { readonly evseId: number; readonly transactionId: string };
  transactionStopped: { readonly evseId: number; readonly transactionId: string; readonly reason: StopReason };
  meterValues: { readonly evseId: number; readonly transactionId?: string; readonly sample: MeterSample };
  /** A transaction message got no answer in time and is sent again. */
  transactionMessageRetried: { readonly action: string; readonly attempt: number };
  /** The CSMS answered an EV's needs (2.0.1 NotifyEVChargingNeeds) with this status. */
  chargingNeedsAnswered: { readonly evseId: number; readonly status: string };
  /** The charging profiles of an EVSE changed (0: station-wide). */
  profilesChanged: { readonly evseId: number };
  /** The CSMS broke the protocol or the station failed to answer: worth a look, never fatal. */
  protocolIssue: { readonly code: string; readonly description: string; readonly action?: string };
}

export type StationEventName = keyof StationEventMap;

/** A typed EventEmitter: `on('booted', (result) => ...)`. */
export class StationEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // A fleet and a test may both listen; no leak warning for a handful of listeners.
    this.emitter.setMaxListeners(50);
  }

  on<E extends StationEventName>(event: E, listener: (payload: StationEventMap[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  once<E extends StationEventName>(event: E, listener: (payload: StationEventMap[E]) => void): void {
    this.emitter.once(event, listener);
  }

  emit<E extends StationEventName>(event: E, payload: StationEventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  /** Resolves with the next `event` whose payload satisfies `matches`; rejects after `timeoutMs`. */
  next<E extends StationEventName>(event: E, matches: (payload: StationEventMap[E]) => boolean = () => true, timeoutMs = 10_000): Promise<StationEventMap[E]> {
    return new Promise((resolve, reject) => {
      const listener = (payload: StationEventMap[E]): void => {
        if (!matches(payload)) return;
        clearTimeout(timer);
        this.emitter.off(event, listener);
        resolve(payload);
      };
      const timer = setTimeout(() => {
        this.emitter.off(event, listener);
        reject(new StationError(StationErrorCode.Timeout, `no ${event} event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.emitter.on(event, listener);
    });
  }
}
