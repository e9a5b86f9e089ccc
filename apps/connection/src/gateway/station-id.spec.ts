import { parseStationPath } from './station-id';

describe('parseStationPath', () => {
  it.each([
    ['/ocpp/CP-001', 'CP-001'],
    ['/ocpp/a*b-c_d=e:f+g|h@i.j', 'a*b-c_d=e:f+g|h@i.j'],
    ['/ocpp/CP%2D7', 'CP-7'],
    [`/ocpp/${'x'.repeat(48)}`, 'x'.repeat(48)],
  ])('accepts %s', (path, stationId) => {
    expect(parseStationPath(path)).toEqual({ ok: true, stationId });
  });

  it.each([
    ['/ocpp/', 'empty id'],
    [`/ocpp/${'x'.repeat(49)}`, 'longer than 48'],
    ['/ocpp/CP 1', 'space'],
    ['/ocpp/CP%201', 'encoded space'],
    ['/ocpp/CP#1', 'hash'],
    ['/ocpp/a/b', 'nested path'],
    ['/other/CP1', 'wrong prefix'],
    ['/ocpp/%E0%A4%A', 'broken percent-encoding'],
  ])('refuses %s (%s)', (path) => {
    expect(parseStationPath(path).ok).toBe(false);
  });
});
