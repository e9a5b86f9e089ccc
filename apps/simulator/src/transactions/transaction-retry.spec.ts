import { NO_ANSWER, TestCsms } from '../testing/test-csms';
import { SimulatedStation } from '../simulated-station';

describe('transaction messages without an answer', () => {
  let csms: TestCsms;

  afterEach(async () => {
    await csms?.close();
  });

  it.each(['1.6', '2.0.1'] as const)('are sent again with the same payload until answered (%s)', async (version) => {
    let startsSeen = 0;
    const payloads: string[] = [];
    csms = await TestCsms.start({
      respond: ({ action, payload }) => {
        if (action !== 'StartTransaction' && action !== 'TransactionEvent') return undefined;
        payloads.push(JSON.stringify(payload));
        startsSeen += 1;
        // Silence for the first attempt: the CSMS could not make it durable.
        return startsSeen === 1 ? NO_ANSWER : undefined;
      },
    });
    const station = new SimulatedStation({
      id: `RETRY-${version.replace(/\./g, '')}`,
      version,
      callTimeoutMs: 300,
      transactionMessageRetryIntervalMs: 10,
      connection: { url: csms.url, securityProfile: 0 },
    });
    try {
      await station.connect();
      await station.boot();
      await station.startTransaction({ idToken: 'TAG-1' });
      expect(startsSeen).toBe(2);
      expect(payloads[1]).toBe(payloads[0]);
    } finally {
      await station.dispose();
    }
  });
});
