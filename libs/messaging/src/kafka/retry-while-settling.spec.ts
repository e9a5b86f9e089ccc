import pino from 'pino';
import { retryWhileSettling } from './retry-while-settling';

const logger = pino({ level: 'silent' });
const kafkaError = (retriable: boolean) => Object.assign(new Error('This server does not host this topic-partition'), { name: 'KafkaJSProtocolError', retriable });
const noWait = async () => undefined;

describe('retryWhileSettling', () => {
  it('tries again while the cluster answers with a retriable error, then returns the result', async () => {
    let calls = 0;
    const result = await retryWhileSettling(
      'provision topics',
      async () => {
        calls += 1;
        if (calls < 3) throw kafkaError(true);
        return 'done';
      },
      logger,
      noWait,
    );
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('fails at once on an error that is not retriable', async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(kafkaError(false));
    };
    await expect(retryWhileSettling('provision topics', failing, logger, noWait)).rejects.toThrow('does not host');
    await expect(retryWhileSettling('provision topics', () => Promise.reject(new TypeError('bug')), logger, noWait)).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('gives up after a bounded number of tries, with growing waits', async () => {
    const waits: number[] = [];
    await expect(retryWhileSettling('provision topics', () => Promise.reject(kafkaError(true)), logger, async (ms) => void waits.push(ms))).rejects.toThrow('does not host');
    expect(waits).toHaveLength(11);
    expect(waits.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    expect(Math.max(...waits)).toBe(5000);
  });
});
