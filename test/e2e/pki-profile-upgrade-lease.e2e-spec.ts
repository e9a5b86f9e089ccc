import { randomUUID } from 'node:crypto';
import { type OpenDataSource, openServiceDataSource } from '@app/persistence';
import { ProfileUpgradeRepository } from '@app/pki/jobs/profile-upgrade/profile-upgrade.repository';
import { pkiSchema } from '@app/pki/persistence/pki-schema';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

/**
 * The lease of a profile upgrade in SQL, on real PostgreSQL with the PKI's migrations: one runner
 * at a time holds a job, a runner without the lease cannot write its steps, and an expired lease
 * is taken over. Two replicas racing for a job are decided by the single UPDATE.
 */
describe('profile upgrade lease', () => {
  let database: TestDatabase;
  let open: OpenDataSource;
  let upgrades: ProfileUpgradeRepository;

  const newJob = async (stationId: string): Promise<string> => {
    const id = randomUUID();
    const started = await upgrades.start({ id, stationId, protocol: '2.0.1', fromProfile: 1, toProfile: 3, csmsUrl: 'wss://csms.example/ocpp', requestedBy: null });
    expect(started).toBe(true);
    return id;
  };
  const expire = (id: string) => database.query(`UPDATE pki.profile_upgrade SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);

  beforeAll(async () => {
    database = await createTestDatabase('pki_upgrade_lease');
    open = await openServiceDataSource({ kind: 'postgres', url: database.url, poolSize: 4 }, pkiSchema, pino({ level: 'silent' }));
    upgrades = new ProfileUpgradeRepository(open.dataSource);
  });

  afterAll(async () => {
    await open?.close();
    await database?.drop();
  });

  it('lets only the holder drive a job, and hands it over once the lease ran out', async () => {
    const id = await newJob('LEASE-1');
    expect(await upgrades.lease(id, 'pki-a', 60)).toBe(true);
    expect(await upgrades.lease(id, 'pki-b', 60)).toBe(false);
    expect(await upgrades.lease(id, 'pki-a', 60)).toBe(true);

    // A runner without the lease writes nothing; the holder moves the job on.
    await upgrades.advance(id, 'pki-b', [], 'reset');
    expect(await upgrades.find(id)).toMatchObject({ step: 'installRoot', runner: 'pki-a', leaseUntil: expect.any(Date) });
    await upgrades.advance(id, 'pki-a', [], 'configure');
    expect((await upgrades.find(id))?.step).toBe('configure');

    await expire(id);
    expect(await upgrades.lease(id, 'pki-b', 60)).toBe(true);
    // The runner that lost it can neither take it back while the new lease holds nor write the job.
    expect(await upgrades.lease(id, 'pki-a', 60)).toBe(false);
    await upgrades.finish(id, 'pki-a', 'failed', [], 'stale runner');
    expect(await upgrades.find(id)).toMatchObject({ status: 'running', step: 'configure', runner: 'pki-b' });

    await upgrades.finish(id, 'pki-b', 'succeeded', []);
    expect(await upgrades.find(id)).toMatchObject({ status: 'succeeded', step: 'done', leaseUntil: null });
    // A finished job is nobody's to lease.
    expect(await upgrades.lease(id, 'pki-b', 60)).toBe(false);
    expect(await upgrades.lease(id, 'pki-c', 60)).toBe(false);
  });

  it('gives a free job to exactly one of the replicas claiming it at once', async () => {
    const id = await newJob('LEASE-2');
    const runners = ['pki-a', 'pki-b', 'pki-c', 'pki-d', 'pki-e', 'pki-f'];
    const claims = await Promise.all(runners.map((runner) => upgrades.lease(id, runner, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = runners[claims.indexOf(true)];
    expect((await upgrades.find(id))?.runner).toBe(winner);
  });
});
