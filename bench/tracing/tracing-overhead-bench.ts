import { inConsumeSpan, inPublishSpan, inStationCallSpan, injectTraceContext, setTracingEnabled } from '@app/observability';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * What the tracing hooks add to one station message on the gateway's path (the CALL span, the
 * event's producer span and header, a consumer span), tracing off and on, over the same work as it
 * ran before the hooks (the same async steps, no wrappers). `npm run bench:tracing`; ns per
 * message, median of several rounds. "On" exports to an exporter that discards, so that it
 * measures span work, not a collector.
 */
const MESSAGES = Number(process.env.TRACING_BENCH_MESSAGES ?? 100_000);
const ROUNDS = 7;

async function publishBare(headers: Record<string, string>): Promise<void> {
  headers['content-type'] = 'application/x-protobuf';
  await Promise.resolve();
}

async function handleBare(): Promise<number> {
  const headers: Record<string, string> = {};
  await publishBare(headers);
  await Promise.resolve();
  return Object.keys(headers).length;
}

function publishHooked(headers: Record<string, string>): Promise<void> {
  return inPublishSpan('ocpp.events', async () => {
    headers['content-type'] = 'application/x-protobuf';
    injectTraceContext(headers);
    await Promise.resolve();
  });
}

function handleHooked(): Promise<number> {
  return inStationCallSpan('MeterValues', 'CP-1', async () => {
    const headers: Record<string, string> = {};
    await publishHooked(headers);
    await inConsumeSpan('ocpp.events', 'bench', headers, () => Promise.resolve());
    return Object.keys(headers).length;
  });
}

async function nsPerMessage(handle: () => Promise<number>, messages: number): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < messages; index++) await handle();
    rounds.push(Number(process.hrtime.bigint() - started) / messages);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  await nsPerMessage(handleBare, MESSAGES);
  await nsPerMessage(handleHooked, MESSAGES);
  const bare = await nsPerMessage(handleBare, MESSAGES);
  const off = await nsPerMessage(handleHooked, MESSAGES);
  const provider = new NodeTracerProvider({
    spanProcessors: [new BatchSpanProcessor({ export: (_spans, done) => done({ code: 0 }), shutdown: () => Promise.resolve() })],
  });
  provider.register();
  setTracingEnabled(true);
  const on = await nsPerMessage(handleHooked, Math.ceil(MESSAGES / 10));
  setTracingEnabled(false);
  await provider.shutdown();
  const round = (ns: number) => Math.round(ns);
  process.stdout.write(`${JSON.stringify({ messages: MESSAGES, rounds: ROUNDS, nsPerMessage: { before: round(bare), tracingOff: round(off), tracingOn: round(on) }, addedNs: { off: round(off - bare), on: round(on - bare) } })}\n`);
}

void main();
