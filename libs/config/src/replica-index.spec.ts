import { ordinalOfHostname, resolveReplicaIndex } from './replica-index';

describe('replica index', () => {
  it.each([
    ['csms-connection-0', 0],
    ['csms-connection-2', 2],
    ['connection-17', 17],
    ['CSMS-Connection-3', 3],
  ])('reads the StatefulSet ordinal at the end of %s', (hostname, ordinal) => {
    expect(ordinalOfHostname(hostname)).toBe(ordinal);
  });

  it.each(['vm', 'csms-connection', 'csms-connection-', 'csms-connection-02', 'csms-pki-7d9f8c6b5-x2z4q', '-3', 'connection-1234567890'])('finds no ordinal in %s', (hostname) => {
    expect(ordinalOfHostname(hostname)).toBeUndefined();
  });

  it('prefers CONNECTION_REPLICA_INDEX to the host name', () => {
    expect(resolveReplicaIndex(1, 'csms-connection-2', true)).toEqual({ index: 1, source: 'environment', hostname: undefined });
  });

  it('takes the ordinal from the host name when the index is unset', () => {
    expect(resolveReplicaIndex(undefined, 'csms-connection-2', true)).toEqual({ index: 2, source: 'hostname', hostname: 'csms-connection-2' });
  });

  it('falls back to 0 and says so when the host name has no ordinal', () => {
    expect(resolveReplicaIndex(undefined, 'laptop', true)).toEqual({ index: 0, source: 'default', hostname: 'laptop' });
  });

  it('never derives where there is only one replica by construction (embedded)', () => {
    expect(resolveReplicaIndex(undefined, 'dev-7', false)).toMatchObject({ index: 0, source: 'default' });
  });
});
