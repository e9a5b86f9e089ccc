import { FIRST_CONTACT_QUERY, isFirstContact, provisioningText } from './pending-stations';
import type { StationView } from './station-types';

const station = (overrides: Partial<StationView>): StationView => ({
  id: 'CP-1',
  registrationStatus: 'accepted',
  securityProfile: 0,
  hasPassword: false,
  serialNumber: null,
  vendor: null,
  model: null,
  firmwareVersion: null,
  autoRegistered: true,
  lastBootAt: null,
  lastSeenAt: null,
  createdAt: '2026-12-06T10:00:00Z',
  updatedAt: '2026-12-06T10:00:00Z',
  tenant: null,
  live: { connected: true, protocol: 'ocpp1.6', securityProfile: 0, replica: null },
  ...overrides,
});

describe('pending and first-contact stations', () => {
  it('knows a first-contact station: auto-registered, accepted, profile 0, no password', () => {
    expect(isFirstContact(station({}))).toBe(true);
    expect(isFirstContact(station({ hasPassword: true }))).toBe(false);
    expect(isFirstContact(station({ autoRegistered: false }))).toBe(false);
    expect(isFirstContact(station({ registrationStatus: 'pending' }))).toBe(false);
  });

  it('asks the API for exactly the stations isFirstContact keeps, bar the password it cannot filter', () => {
    expect(FIRST_CONTACT_QUERY).toMatchObject({ autoRegistered: true, registrationStatus: 'accepted', securityProfile: 0 });
    const { autoRegistered, registrationStatus, securityProfile } = FIRST_CONTACT_QUERY;
    expect(isFirstContact(station({ autoRegistered, registrationStatus, securityProfile }))).toBe(true);
  });

  it('says where the credential provisioning is', () => {
    expect(provisioningText(null)).toMatch(/keeps its credentials/);
    const base = { attempts: 2, lastOutcome: 'timeout', lastDetail: null, lastAttemptAt: null, nextAttemptAt: '2026-12-06T10:00:00Z', provisionedAt: null };
    expect(provisioningText({ ...base, state: 'failed' })).toBe('Failed after 2 attempts (timeout): tried again while the station is connected.');
    expect(provisioningText({ ...base, state: 'waiting' })).toMatch(/^Waiting/);
  });
});
