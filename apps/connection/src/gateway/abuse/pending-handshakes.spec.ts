import { PendingHandshakes } from './pending-handshakes';

describe('PendingHandshakes', () => {
  it('caps each address on its own and forgets an address with nothing pending', () => {
    const pending = new PendingHandshakes(2);
    const first = pending.tryEnter('a');
    expect(pending.tryEnter('a')).toBeDefined();
    expect(pending.tryEnter('a')).toBeUndefined();
    expect(pending.tryEnter('b')).toBeDefined();
    first?.();
    first?.();
    expect(pending.tryEnter('a')).toBeDefined();
    expect(pending.tryEnter('a')).toBeUndefined();
    expect(pending.addresses).toBe(2);
  });

  it('holds no entry once every handshake of an address is over', () => {
    const pending = new PendingHandshakes(5);
    const releases = [pending.tryEnter('a'), pending.tryEnter('a')];
    releases.forEach((release) => release?.());
    expect(pending.addresses).toBe(0);
  });
});
