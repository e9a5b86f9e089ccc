import type { Logger } from 'pino';

/** Tries over roughly 30 s: long enough for another replica's topic creation to reach every broker. */
const ATTEMPTS = 12;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;

/**
 * Runs a start-up step against the cluster again while it fails with an error kafkajs marks
 * retriable. Replicas starting together race on topic creation: one lists a topic another has
 * just created while its partitions are not hosted yet ("This server does not host this
 * topic-partition"), which settles by itself within moments. Anything else fails at once.
 */
export async function retryWhileSettling<T>(step: string, work: () => Promise<T>, logger: Logger, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetriable(error)) throw error;
      const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
      logger.warn({ step, attempt, retryInMs: delayMs, reason: error instanceof Error ? error.message : String(error) }, 'Kafka not settled yet; trying again');
      await sleep(delayMs);
    }
  }
}

function isRetriable(error: unknown): boolean {
  for (let link: unknown = error, depth = 0; link !== undefined && link !== null && depth < 5; depth++) {
    const { retriable, name, cause } = link as { retriable?: unknown; name?: unknown; cause?: unknown };
    if (retriable === true && typeof name === 'string' && name.startsWith('KafkaJS')) return true;
    link = cause;
  }
  return false;
}
