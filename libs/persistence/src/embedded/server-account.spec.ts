import { accountsOf } from './server-account';

describe('accountsOf', () => {
  it('reads name, uid and gid of each /etc/passwd line and skips what is not an account', () => {
    const passwd = ['root:x:0:0:root:/root:/bin/bash', 'postgres:x:105:110:PostgreSQL:/var/lib/postgresql:/bin/bash', '# comment', '', 'broken:x:abc:1::/:/bin/sh'].join('\n');
    const accounts = accountsOf(passwd);
    expect([...accounts.keys()]).toEqual(['root', 'postgres']);
    expect(accounts.get('postgres')).toEqual({ name: 'postgres', uid: 105, gid: 110 });
  });
});
