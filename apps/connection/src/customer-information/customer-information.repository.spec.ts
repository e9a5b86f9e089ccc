import type { DataSource } from 'typeorm';
import { CustomerInformationRepository } from './customer-information.repository';

/**
 * An in-memory stand-in for the two tables: requests by (station, requestId), parts by
 * (station, requestId, seqNo), and a request-id sequence handing out 5, 6, 7, ...
 */
function database(requests: string[], parts: { key: string; data: string }[]) {
  let next = 5;
  const manager = {
    query: async (sql: string, parameters: unknown[] = []) => {
      if (sql.includes('nextval')) return [{ id: next++ }];
      const key = `${String(parameters[0])}/${String(parameters[1])}`;
      if (sql.startsWith('INSERT')) {
        if (requests.includes(key)) {
          if (!sql.includes('ON CONFLICT')) throw new Error('duplicate key value violates unique constraint');
          return [];
        }
        requests.push(key);
        return [{ request_id: parameters[1] }];
      }
      if (sql.startsWith('DELETE')) {
        for (let index = parts.length - 1; index >= 0; index -= 1) if (parts[index]?.key === key) parts.splice(index, 1);
        return [];
      }
      throw new Error(`unexpected SQL ${sql}`);
    },
  };
  return { transaction: async <T>(work: (entityManager: typeof manager) => Promise<T>) => work(manager), ...manager } as unknown as DataSource;
}

describe('CustomerInformationRepository.create', () => {
  it('skips a request id an operator already used for a raw CustomerInformation, instead of failing with 500', async () => {
    const requests = ['CS-1/5'];
    const requestId = await new CustomerInformationRepository(database(requests, [])).create('CS-1', { report: true, clear: false, customer: { customerIdentifier: 'C-2' } });
    expect(requestId).toBe(6);
    expect(requests).toEqual(['CS-1/5', 'CS-1/6']);
  });

  it('drops parts a station sent unasked under the new id: another customer’s data is never read as this one’s', async () => {
    const parts = [{ key: 'CS-1/5', data: 'someone else' }, { key: 'CS-2/5', data: 'another station' }];
    const requestId = await new CustomerInformationRepository(database([], parts)).create('CS-1', { report: true, clear: false, customer: { customerIdentifier: 'C-2' } });
    expect(requestId).toBe(5);
    expect(parts).toEqual([{ key: 'CS-2/5', data: 'another station' }]);
  });
});
