import type { DataSource } from 'typeorm';
import { DisplayMessageRepository } from '../display-messages/display-message.repository';
import { PublishedFirmwareRepository } from '../firmware/published-firmware.repository';

/** A request-id sequence handing out 5, 6, 7, ... and a table where `taken` (station/requestId) already have a row. */
function database(taken: string[]) {
  let next = 5;
  const query = async (sql: string, parameters: unknown[] = []) => {
    if (sql.includes('nextval')) return [{ id: next++ }];
    const key = `${String(parameters[0])}/${String(parameters[1])}`;
    if (taken.includes(key)) {
      if (!sql.includes('ON CONFLICT')) throw new Error('duplicate key value violates unique constraint');
      return [];
    }
    taken.push(key);
    return [{ request_id: parameters[1] }];
  };
  return { query } as unknown as DataSource;
}

describe('tracked requests get a request id no row of the station holds yet', () => {
  it('GetDisplayMessages skips an id a raw GetDisplayMessages already used', async () => {
    const rows = ['CS-1/5', 'CS-1/6'];
    await expect(new DisplayMessageRepository(database(rows)).createRequest('CS-1', {})).resolves.toBe(7);
  });

  it('PublishFirmware skips an id the local controller reported a status under unasked', async () => {
    const rows = ['LC-1/5'];
    await expect(new PublishedFirmwareRepository(database(rows)).create('LC-1', 'https://fw.example/fw.bin', 'a'.repeat(32))).resolves.toBe(6);
    expect(rows).toEqual(['LC-1/5', 'LC-1/6']);
  });
});
