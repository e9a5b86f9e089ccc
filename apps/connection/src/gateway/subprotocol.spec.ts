import { negotiateSubprotocol } from './subprotocol';

describe('negotiateSubprotocol', () => {
  it.each([
    ['ocpp1.6', 'ocpp1.6'],
    ['ocpp2.0.1', 'ocpp2.0.1'],
    ['ocpp1.6, ocpp2.0.1', 'ocpp2.0.1'],
    ['ocpp2.1, ocpp2.0.1,ocpp1.6', 'ocpp2.0.1'],
    ['OCPP1.6', 'ocpp1.6'],
  ])('picks the newest version both support from "%s"', (header, expected) => {
    expect(negotiateSubprotocol(header)).toBe(expected);
  });

  it.each([undefined, '', 'ocpp1.5', 'ocpp2.1', 'mqtt'])('offers nothing for %p', (header) => {
    expect(negotiateSubprotocol(header)).toBeUndefined();
  });
});
