import { DropCause, OcppVersion, createEnvelope } from '@app/contracts';
import { PresenceDirectory } from '@app/station-commands';
import { type ApiResult, succeeded } from '../operator-api.error';
import { type CredentialProvisioningRepository, type ProvisioningRecord, StationRegistryError, StationRegistryErrorCode, verifyPassword } from '../station-core.port';
import type { ConnectionDrop } from './registration-change';
import type { StationConnectionDrops } from './station-connection-drops';
import type { StationFilter, StationListRow, StationReadRepository } from './station-read.repository';
import type { CurrentRegistration } from './station-registration';
import type { StationRegistrationRepository, StoredRegistration } from './station-registration.repository';
import { StationsService } from './stations.service';

const at = new Date('2025-06-01T10:00:00Z');

function row(id: string, connectors: StationListRow['connectors'] = []): StationListRow {
  return {
    connectors,
    id,
    registration_status: 'accepted',
    security_profile: 1,
    has_password: true,
    serial_number: null,
    vendor: 'Acme',
    model: 'AC-22',
    firmware_version: '1.0',
    auto_registered: false,
    last_boot_at: at,
    last_seen_at: null,
    created_at: at,
    updated_at: at,
    tenant: null,
  };
}

function connected(presence: PresenceDirectory, stationId: string, replica: string): void {
  presence.apply(
    createEnvelope('stationPresence', {
      eventId: `${stationId}-1`,
      stationId,
      body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 0, replicaId: replica, protocol: OcppVersion.OCPP_VERSION_1_6, securityProfile: 1 } },
    }),
  );
}

function setup(rows: StationListRow[] = [row('CP-1'), row('CP-2')], current?: CurrentRegistration) {
  const filters: StationFilter[] = [];
  const reads = {
    list: jest.fn(async (filter: StationFilter) => {
      filters.push(filter);
      return rows;
    }),
    find: jest.fn(async (id: string) => rows.find((candidate) => candidate.id === id)),
    exists: jest.fn(async (id: string) => rows.some((candidate) => candidate.id === id)),
    connectors: jest.fn(async () => []),
  };
  const written: (StoredRegistration & { tenant: string | null })[] = [];
  const registrations = {
    register: jest.fn(async (_id: string, tenant: string | null, decide: (current: CurrentRegistration | undefined) => Promise<ApiResult<StoredRegistration>>) => {
      const decision = await decide(current);
      if (!decision.ok) return decision;
      written.push({ ...decision.value, tenant: current === undefined ? tenant : (current.tenant ?? null) });
      return succeeded({ created: current === undefined });
    }),
  };
  const registry = { accept: jest.fn(), find: jest.fn(async (): Promise<ProvisioningRecord | undefined> => undefined) };
  const presence = new PresenceDirectory();
  const dropped: Array<[string, ConnectionDrop]> = [];
  const drops = { drop: jest.fn(async (stationId: string, drop: ConnectionDrop) => void dropped.push([stationId, drop])) };
  const service = new StationsService(
    reads as unknown as StationReadRepository,
    registrations as unknown as StationRegistrationRepository,
    registry as unknown as CredentialProvisioningRepository,
    presence,
    drops as unknown as StationConnectionDrops,
  );
  return { service, filters, written, registry, presence, registrations, dropped };
}

describe('StationsService', () => {
  it('lists stations with their live connection state, one page at a time', async () => {
    const { service, presence, filters } = setup();
    connected(presence, 'CP-2', 'connection-1');
    const page = await service.list({ limit: 1 });
    expect(filters[0]).toMatchObject({ limit: 2 });
    expect(page.items.map((station) => [station.id, station.live])).toEqual([['CP-1', { connected: false, protocol: null, securityProfile: null, replica: null }]]);
    expect(page.nextCursor).not.toBeNull();
  });

  it('filters by connection state with the ids presence knows as connected', async () => {
    const { service, presence, filters } = setup();
    connected(presence, 'CP-2', 'connection-1');
    await service.list({ connected: false, cursor: ['CP-0'] });
    expect(filters[0]).toMatchObject({ ids: [{ include: false, ids: ['CP-2'] }], after: 'CP-0', limit: 101 });
  });

  it('filters by live protocol with the ids presence knows connected on that version, beside the other filters', async () => {
    const { service, presence, filters } = setup();
    connected(presence, 'CP-2', 'connection-1');
    await service.list({ protocol: 'ocpp1.6', securityProfile: 2, q: 'acme', connectorStatus: 'Faulted', autoRegistered: true });
    await service.list({ protocol: 'ocpp2.0.1' });
    expect(filters[0]).toMatchObject({ ids: [{ include: true, ids: ['CP-2'] }], securityProfile: 2, text: 'acme', connectorStatus: 'Faulted', autoRegistered: true });
    expect(filters[1]).toMatchObject({ ids: [{ include: true, ids: [] }] });
  });

  it('carries each station’s connectors with their status in the list', async () => {
    const { service } = setup([row('CP-1', [{ evseId: 1, connectorId: 1, status: 'Occupied' }])]);
    expect((await service.list({})).items[0]?.connectors).toEqual([{ evseId: 1, connectorId: 1, status: 'Occupied' }]);
  });

  it('passes the caller\'s tenant to the list query, so paging counts its stations only', async () => {
    const { service, filters } = setup();
    await service.list({ limit: 5 }, 'acme');
    expect(filters[0]).toMatchObject({ tenant: 'acme', limit: 6 });
  });

  it('registers a new station into the caller\'s tenant', async () => {
    const { service, written } = setup([row('CP-1')]);
    await service.register('CP-1', { securityProfile: 1, password: 'station-password-0123' }, 'acme');
    expect(written[0]?.tenant).toBe('acme');
  });

  it.each([['another tenant', 'globex'], ['no tenant', null]])('answers 404 to a tenant caller updating a station of %s, and writes nothing', async (_case, owner) => {
    const { service, written } = setup([row('CP-1')], { securityProfile: 1, hasPassword: true, serialNumber: null, registrationStatus: 'accepted', tenant: owner });
    expect(await service.register('CP-1', { registrationStatus: 'pending' }, 'acme')).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
    expect(written).toEqual([]);
  });

  it('stores a password as a hash and never in clear', async () => {
    const { service, written } = setup([row('CP-1')]);
    const result = await service.register('CP-1', { securityProfile: 1, password: 'station-password-0123' });
    expect(result).toMatchObject({ ok: true, value: { created: true, station: { id: 'CP-1', hasPassword: true } } });
    expect(written[0]?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(result)).not.toContain('station-password-0123');
  });

  it.each([
    ['ocpp2.0.1', /^[A-Za-z0-9_-]{32}$/],
    ['ocpp1.6', /^[\x21-\x7e]{20}$/],
  ] as const)('generates a %s password on request, returns it once and stores only its fast hash', async (form, shape) => {
    const { service, written } = setup([row('CP-1')]);
    const result = await service.register('CP-1', { securityProfile: 1, generatePassword: form });
    if (!result.ok) throw result.error;
    const generated = result.value.station.generatedPassword;
    expect(generated?.password).toMatch(shape);
    expect(generated?.authorizationKey).toBe(form === 'ocpp1.6' ? Buffer.from(generated?.password ?? '').toString('hex') : undefined);
    const hash = written[0]?.passwordHash ?? '';
    expect(hash).toMatch(/^hmac-sha256\$/);
    expect(hash).not.toContain(generated?.password);
    await expect(verifyPassword(generated?.password ?? '', hash)).resolves.toBe(true);
  });

  it('returns no password when none was generated', async () => {
    const { service } = setup([row('CP-1')]);
    const result = await service.register('CP-1', { securityProfile: 1, password: 'station-password-0123' });
    expect(result.ok && 'generatedPassword' in result.value.station).toBe(false);
  });

  it('refuses a registration without the credentials its profile needs', async () => {
    const { service, written } = setup();
    expect(await service.register('CP-9', { securityProfile: 2 })).toMatchObject({ ok: false, error: { code: 'credentials-missing' } });
    expect(written).toEqual([]);
  });

  it.each([
    [StationRegistryErrorCode.unknownStation, 'station-not-found'],
    [StationRegistryErrorCode.notPending, 'station-not-pending'],
  ])('maps the registry’s %s to %s when accepting', async (registryCode, code) => {
    const { service, registry } = setup();
    registry.accept.mockResolvedValue({ ok: false, error: new StationRegistryError(registryCode, 'no') });
    expect(await service.accept('CP-1')).toMatchObject({ ok: false, error: { code } });
  });

  it('answers an accepted station with its detail', async () => {
    const { service, registry } = setup();
    registry.accept.mockResolvedValue({ ok: true, provisioning: true });
    registry.find.mockResolvedValue({ state: 'waiting', attempts: 0, lastOutcome: null, lastDetail: null, lastAttemptAt: null, nextAttemptAt: at, provisionedAt: null });
    expect(await service.accept('CP-1')).toMatchObject({
      ok: true,
      value: { id: 'CP-1', connectors: [], credentialProvisioning: { state: 'waiting', attempts: 0, nextAttemptAt: at.toISOString(), provisionedAt: null } },
    });
  });

  it('drops the live connection of a station whose password an operator sets, after writing it', async () => {
    const { service, registrations, dropped } = setup([row('CP-1')]);
    registrations.register.mockImplementationOnce(async (_id, _tenant, decide) => {
      const decision = await decide({ securityProfile: 1, hasPassword: true, serialNumber: null, registrationStatus: 'accepted' });
      return decision.ok ? succeeded({ created: false }) : decision;
    });
    await service.register('CP-1', { password: 'station-password-0123' }, undefined, 'admin-1');
    expect(dropped).toEqual([['CP-1', { cause: DropCause.CREDENTIALS_CHANGED, keepFromProfile: 0 }]]);
  });

  it('drops nothing when a registration changes only the serial number, or creates the station', async () => {
    const { service, registrations, dropped } = setup([row('CP-1')]);
    await service.register('CP-1', { securityProfile: 1, password: 'station-password-0123' });
    registrations.register.mockImplementationOnce(async (_id, _tenant, decide) => {
      const decision = await decide({ securityProfile: 1, hasPassword: true, serialNumber: null, registrationStatus: 'accepted' });
      return decision.ok ? succeeded({ created: false }) : decision;
    });
    await service.register('CP-1', { serialNumber: 'SN-2' });
    expect(dropped).toEqual([]);
  });
});
