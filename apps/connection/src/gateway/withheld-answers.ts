import { OcppErrorKind, OcppRpcError, type SessionFault, SessionFaultCode, WithholdResponse } from '@app/ocpp';
import { IntervalLog, MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { infrastructureFailureOf, isRefusedValue } from './infrastructure-failure';

/** One summary line per interval, however many stations are affected. */
export const FAULT_LOG_INTERVAL_MS = 10_000;

/**
 * Infrastructure failures never become CALLERRORs (ADR 033): when a CALL's handler fails because
 * the database or the bus is unavailable or saturated, the station gets no answer, its call
 * times out and it sends the CALL again, as it does for a lost connection. Only the station's own
 * fault (an OcppRpcError) and our defects (which a retry would meet again) are answered with a
 * CALLERROR. Both outcomes are counted and logged once per interval, not once per message.
 */
@Injectable()
export class WithheldAnswers implements OnApplicationShutdown {
  private readonly withheld: Counter;
  private readonly withheldLog: IntervalLog;
  private readonly failedLog: IntervalLog;

  constructor(metrics: MetricsRegistry, @Inject(ROOT_LOGGER) logger: Logger) {
    // The counter DurableAcknowledgement counts its own withheld answers on (by action and reason).
    this.withheld = metrics.counter('csms_ocpp_answers_withheld_total', 'Station CALLs left unanswered because they could not be made durable', ['action', 'reason']);
    const gateway = logger.child({ component: 'gateway' });
    this.withheldLog = new IntervalLog(gateway, { message: 'station calls left unanswered; the stations will send them again', intervalMs: FAULT_LOG_INTERVAL_MS, level: 'warn' });
    this.failedLog = new IntervalLog(gateway, { message: 'station calls answered InternalError', intervalMs: FAULT_LOG_INTERVAL_MS, level: 'error' });
  }

  /** Runs a CALL's handler; an infrastructure failure becomes WithholdResponse (counted), anything else passes. */
  async run<T>(action: string, handle: () => Promise<T>): Promise<T> {
    try {
      return await handle();
    } catch (error) {
      if (error instanceof OcppRpcError || error instanceof WithholdResponse) throw error;
      // A value PostgreSQL refuses even to compare (U+0000 in a looked-up idTag) is the station's fault, as at a
      // write (DurableAcknowledgement): a retry meets it again, so it is no InternalError (found by the gateway fuzz).
      if (isRefusedValue(error)) throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `${action} holds a value this CSMS cannot read or store`);
      const reason = infrastructureFailureOf(error);
      if (reason === undefined) throw error;
      this.withheld.inc({ action, reason });
      throw new WithholdResponse(`${action} failed (${reason}); the station will retry`, error);
    }
  }

  /** What the session reports after a CALL: a withheld answer or one that had to be InternalError. */
  recordFault(stationId: string, fault: SessionFault): void {
    const withheld = fault.code === SessionFaultCode.ResponseWithheld;
    const cause = withheld && fault.error instanceof WithholdResponse ? (fault.error.cause ?? fault.error) : fault.error;
    const detail = fault.error instanceof WithholdResponse ? fault.error.reason : undefined;
    (withheld ? this.withheldLog : this.failedLog).record(withheld ? (fault.action ?? 'unknown') : `${fault.action ?? 'unknown'}:${fault.code}`, {
      err: cause,
      stationId,
      action: fault.action,
      messageId: fault.messageId,
      detail,
    });
  }

  onApplicationShutdown(): void {
    this.withheldLog.flush();
    this.failedLog.flush();
  }
}
