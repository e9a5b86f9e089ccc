import { derivedEventId } from './event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('derivedEventId', () => {
  it('is a version 5 UUID', () => {
    expect(derivedEventId('CP-1', 'StartTransaction', [1, '2025-01-02T03:04:05.000Z', 'TAG'])).toMatch(UUID_V5);
  });

  it('is the same for a retried message', () => {
    const first = derivedEventId('CP-1', 'TransactionEvent', ['tx-1', 3]);
    expect(derivedEventId('CP-1', 'TransactionEvent', ['tx-1', 3])).toBe(first);
  });

  it.each([
    ['another station', 'CP-2', 'TransactionEvent', ['tx-1', 3]],
    ['another message type', 'CP-1', 'MeterValues', ['tx-1', 3]],
    ['another key', 'CP-1', 'TransactionEvent', ['tx-1', 4]],
    ['a key that only concatenates alike', 'CP-1', 'TransactionEvent', ['tx-13']],
  ] as const)('differs for %s', (_case, stationId, type, key) => {
    expect(derivedEventId(stationId, type, key)).not.toBe(derivedEventId('CP-1', 'TransactionEvent', ['tx-1', 3]));
  });

  it('is a standard UUID v5, stable across releases (consumers may hold ids an older build derived)', () => {
    // Python: uuid.uuid5(uuid.UUID('6b3f0c5e-8d2a-4f71-a9e4-c2d85b7a1f30'), '["CP-1","StopTransaction",42]')
    expect(derivedEventId('CP-1', 'StopTransaction', [42])).toBe('7c62f5d4-e9f3-590d-bd5c-a327928f906e');
  });
});
