import { inConsumeSpan, inPublishSpan, inStationCallSpan, injectTraceContext, startTracing } from '@app/observability';
import pino from 'pino';

/**
 * What the tracing hooks cost one station message on the gateway's path (a CALL span, the event's
 * producer span and header, a consumer span), tracing off and on, against the same work without
 * hooks. `npm run bench:tracing`; figures in ns per message, median of several rounds.
 */
const MESSAGES = Number(process.env.TRACING_BENCH_MESSAGES ?? 200_000);
const ROUNDS = 7;

async function handleBare(): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/x-protobuf' };
  await Promise.resolve();
  return Object.keys(headers).length;
}

async function handleHooked(): Promise<number> {
  return inStationCallSpan('MeterValues', 'CP-1', () =>
    inPublishSpan('ocpp.events', async () => {
      const headers: Record<string, string> = { 'content-type': 'application/x-protobuf' };
      injectTraceContext(headers);
      await inConsumeSpan('ocpp.events', 'bench', headers, () => Promise.resolve());
      return Object.keys(headers).length;
    }),
  );
}

async function nsPerMessage(handle: () => Promise<number>): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < MESSAGES; index++) await handle();
    rounds.push(Number(process.hrtime.bigint() - started) / MESSAGES);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  await nsPerMessage(handleBare);
  const bare = await nsPerMessage(handleBare);
  const off = await nsPerMessage(handleHooked);
  // On: every span recorded and batched for an exporter that nobody answers (spans are dropped when its queue is full).
  const tracing = await startTracing({ serviceName: 'bench', tracesUrl: 'http://127.0.0.1:9/v1/traces', sampleRatio: 1 }, pino({ level: 'silent' }));
  const on = await nsPerMessage(handleHooked);
  await Promise.race([tracing.shutdown(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  const round = (ns: number) => Math.round(ns);
  process.stdout.write(`${JSON.stringify({ messages: MESSAGES, rounds: ROUNDS, nsPerMessage: { bare: round(bare), tracingOff: round(off), tracingOn: round(on) }, overheadNs: { off: round(off - bare), on: round(on - bare) } })}\n`);
  process.exit(0);
}

void main();
