import { OcppErrorKind, OcppRpcError, SessionFaultCode, WithholdResponse } from '@app/ocpp';
import { MetricsRegistry } from '@app/observability';
import type { Logger } from 'pino';
import { FAULT_LOG_INTERVAL_MS, WithheldAnswers } from './withheld-answers';

function setUp() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const write = (level: string) => (fields: Record<string, unknown>, message: string) => lines.push({ level, fields, message });
  const logger = { warn: write('warn'), error: write('error'), info: write('info') } as Record<string, unknown>;
  logger.child = () => logger;
  const metrics = new MetricsRegistry();
  return { lines, metrics, answers: new WithheldAnswers(metrics, logger as unknown as Logger) };
}

async function withheldCount(metrics: MetricsRegistry): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric('csms_ocpp_answers_withheld_total')?.get();
  return Object.fromEntries((metric?.values ?? []).map((value) => [`${value.labels.action}/${value.labels.reason}`, value.value]));
}

describe('WithheldAnswers', () => {
  afterEach(() => jest.useRealTimers());

  it('withholds the answer when the database pool has no connection free, and counts it', async () => {
    const { metrics, answers } = setUp();
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    const outcome = answers.run('BootNotification', () => Promise.reject(poolTimeout));
    await expect(outcome).rejects.toBeInstanceOf(WithholdResponse);
    await expect(outcome).rejects.toMatchObject({ cause: poolTimeout });
    expect(await withheldCount(metrics)).toEqual({ 'BootNotification/database-pool': 1 });
  });

  it("keeps the station's own fault a CALLERROR and does not count it", async () => {
    const { metrics, answers } = setUp();
    const fault = new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, 'connectorId 9 does not exist');
    await expect(answers.run('StatusNotification', () => Promise.reject(fault))).rejects.toBe(fault);
    expect(await withheldCount(metrics)).toEqual({});
  });

  it('answers PropertyConstraintViolation for a value PostgreSQL refuses (U+0000 in text), uncounted', async () => {
    const { metrics, answers } = setUp();
    const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    await expect(answers.run('Authorize', () => Promise.reject(refused))).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation });
    expect(await withheldCount(metrics)).toEqual({});
  });

  it('passes a defect of ours on, to be answered InternalError', async () => {
    const { answers } = setUp();
    const defect = new TypeError('x is not a function');
    await expect(answers.run('Heartbeat', () => Promise.reject(defect))).rejects.toBe(defect);
  });

  it('passes results and withheld answers through unchanged', async () => {
    const { metrics, answers } = setUp();
    await expect(answers.run('Heartbeat', () => Promise.resolve({ currentTime: 'now' }))).resolves.toEqual({ currentTime: 'now' });
    const withheld = new WithholdResponse('MeterValues could not be stored');
    await expect(answers.run('MeterValues', () => Promise.reject(withheld))).rejects.toBe(withheld);
    expect(await withheldCount(metrics)).toEqual({});
  });

  it('logs withheld answers once per interval with their count, however many there were', () => {
    jest.useFakeTimers();
    const { lines, answers } = setUp();
    const cause = new Error('timeout exceeded when trying to connect');
    for (let i = 0; i < 500; i += 1) {
      answers.recordFault(`CP-${i}`, { code: SessionFaultCode.ResponseWithheld, action: 'Heartbeat', messageId: String(i), error: new WithholdResponse('Heartbeat failed', cause) });
    }
    answers.recordFault('CP-X', { code: SessionFaultCode.HandlerFailed, action: 'Authorize', messageId: 'a', error: new TypeError('bug') });
    expect(lines).toEqual([]);
    jest.advanceTimersByTime(FAULT_LOG_INTERVAL_MS);
    expect(lines.map((line) => [line.level, line.fields.counts])).toEqual([
      ['warn', { Heartbeat: 500 }],
      ['error', { 'Authorize:handler-failed': 1 }],
    ]);
    expect(lines[0]?.fields).toMatchObject({ total: 500, err: cause, example: { stationId: 'CP-0', messageId: '0', detail: 'Heartbeat failed' } });
  });
});
