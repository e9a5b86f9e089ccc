import { certificateTabOf } from './tabs';

describe('certificate tabs', () => {
  it('knows its routes and nothing else', () => {
    expect(certificateTabOf('issued')).toBe('issued');
    expect(certificateTabOf('signing-requests')).toBe('signing-requests');
    expect(certificateTabOf(undefined)).toBeUndefined();
    expect(certificateTabOf('nope')).toBeUndefined();
  });
});
