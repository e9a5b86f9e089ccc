import { StationError, StationErrorCode } from '../station/station.error';
import type { StationContext } from '../station/station-context';
import { pause } from '../station/timing';
import type { BootReason, BootResult, RegistrationStatus } from '../station/station-model';

/**
 * BootNotification and Heartbeat as a station does them: Pending or Rejected means wait the
 * returned interval and boot again; Accepted starts heartbeats at the returned interval.
 */
export class Registration {
  private state: RegistrationStatus | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private connection = new AbortController();

  constructor(private readonly context: StationContext) {
    context.settings.onChange((name) => {
      if (name === 'HeartbeatInterval' && this.heartbeatTimer) this.startHeartbeat(context.settings.integer('HeartbeatInterval'));
    });
  }

  get status(): RegistrationStatus | undefined {
    return this.state;
  }

  /**
   * Boots until Accepted; resolves with the accepted result. Rejects with BootNotAccepted after
   * `maxBootAttempts`, with NotConnected when the connection closes meanwhile.
   */
  async boot(reason: BootReason = 'PowerUp'): Promise<BootResult> {
    const { options, dialect, link, events, settings } = this.context;
    const signal = this.connection.signal;
    for (let attempt = 1; ; attempt += 1) {
      const message = dialect.bootNotification(options.identity, reason);
      const result = dialect.bootResult(await link.call(message.action, message.payload));
      this.state = result.status;
      events.emit('booted', result);
      if (result.status === 'Accepted') {
        if (result.intervalS > 0) settings.change(settings.byKey('HeartbeatInterval'), String(result.intervalS));
        this.startHeartbeat(settings.integer('HeartbeatInterval'));
        return result;
      }
      if (attempt >= options.maxBootAttempts) {
        throw new StationError(StationErrorCode.BootNotAccepted, `BootNotification ${result.status} after ${attempt} attempts`, result);
      }
      const waited = await pause(Math.max(result.intervalS * 1000, options.minBootRetryMs), signal);
      if (!waited) throw new StationError(StationErrorCode.NotConnected, 'disconnected while waiting to boot again');
    }
  }

  async heartbeat(): Promise<void> {
    const message = this.context.dialect.heartbeat();
    await this.context.link.call(message.action, message.payload);
  }

  /** The connection closed: heartbeats stop, a pending boot retry gives up, registration is forgotten. */
  reset(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    this.state = undefined;
    this.connection.abort();
    this.connection = new AbortController();
  }

  private startHeartbeat(intervalS: number): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    if (!(intervalS > 0)) return;
    this.heartbeatTimer = setInterval(() => {
      // A failed heartbeat is counted by the link's callCompleted event; the next one tries again.
      this.heartbeat().catch(() => undefined);
    }, intervalS * 1000);
    this.heartbeatTimer.unref();
  }
}
