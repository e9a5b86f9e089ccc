import { DropCause } from '@app/contracts';
import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { PresenceDirectory } from '@app/station-commands';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { CredentialProvisioningRepository, StationRegistryErrorCode, authorizationKeyOf, generateStationPassword, hashPassword } from '../station-core.port';
import { type ConnectionDrop, connectionDropAfter } from './registration-change';
import { StationConnectionDrops } from './station-connection-drops';
import { StationReadRepository, type StationFilter } from './station-read.repository';
import { decideRegistration } from './station-registration';
import { StationRegistrationRepository } from './station-registration.repository';
import type {
  ConnectorView,
  GeneratedPasswordView,
  ListStationsQuery,
  RegisterStationBody,
  RegisteredStationView,
  StationDetailView,
  StationListItemView,
  StationSummaryView,
} from './station.schemas';
import { connectorStatusViewOf, connectorViewOf, credentialProvisioningViewOf, liveStateOf, stationSummaryOf, stationViewOf } from './station.view';

/** Stations for operators: the registry joined with the live connection state of every replica. */
@Injectable()
export class StationsService {
  constructor(
    private readonly reads: StationReadRepository,
    private readonly registrations: StationRegistrationRepository,
    private readonly provisionings: CredentialProvisioningRepository,
    private readonly presence: PresenceDirectory,
    private readonly drops: StationConnectionDrops,
  ) {}

  /**
   * `tenant`: the caller's; only its stations are listed (undefined: every station). Live filters
   * (connected, protocol) become id lists from presence, so that one query serves the page.
   */
  async list(query: ListStationsQuery, tenant?: string): Promise<Page<StationListItemView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter: StationFilter = {
      registrationStatus: query.registrationStatus,
      idPrefix: query.idPrefix,
      securityProfile: query.securityProfile,
      text: query.q,
      connectorStatus: query.connectorStatus,
      autoRegistered: query.autoRegistered,
      ids: [],
      after: query.cursor?.[0],
      tenant,
      limit: limit + 1,
    };
    const live = this.connectedProtocols();
    if (query.connected !== undefined) filter.ids?.push({ include: query.connected, ids: [...live.keys()] });
    if (query.protocol !== undefined) filter.ids?.push({ include: true, ids: [...live].filter(([, protocol]) => protocol === query.protocol).map(([id]) => id) });
    const rows = await this.reads.list(filter);
    return pageOf(
      rows,
      limit,
      (row) => ({ ...stationViewOf(row, liveStateOf(this.presence.locate(row.id))), connectors: row.connectors.map(connectorStatusViewOf) }),
      (row) => [row.id],
    );
  }

  /** Counts of the caller's stations: registered, by registration status, and connected now by protocol. */
  async summary(tenant?: string): Promise<StationSummaryView> {
    const live = [...this.connectedProtocols()];
    const rows = await this.reads.counts({ ids: live.map(([id]) => id), protocols: live.map(([, protocol]) => protocol) }, tenant);
    return stationSummaryOf(rows);
  }

  async get(stationId: string): Promise<ApiResult<StationDetailView>> {
    const row = await this.reads.find(stationId);
    if (row === undefined) return notFound(stationId);
    const [connectors, provisioning] = await Promise.all([this.reads.connectors(stationId), this.provisionings.find(stationId)]);
    return succeeded({
      ...stationViewOf(row, liveStateOf(this.presence.locate(stationId))),
      connectors: connectors.map(connectorViewOf),
      credentialProvisioning: credentialProvisioningViewOf(provisioning),
    });
  }

  async connectors(stationId: string): Promise<ApiResult<{ items: ConnectorView[] }>> {
    if (!(await this.reads.exists(stationId))) return notFound(stationId);
    return succeeded({ items: (await this.reads.connectors(stationId)).map(connectorViewOf) });
  }

  /**
   * Registers the station or updates its registration; `created` says which. A chosen password is
   * stored as a scrypt hash; a generated one as an hmac-sha256 hash, and given back this once.
   * A caller confined to a tenant registers stations into it, and cannot touch another's (404).
   * A live connection the change invalidates is dropped on its replica (ADR 039) before this answers.
   */
  async register(stationId: string, body: RegisterStationBody, tenant?: string, actor?: string): Promise<ApiResult<{ created: boolean; station: RegisteredStationView }>> {
    let generated: GeneratedPasswordView | undefined;
    let drop: ConnectionDrop | undefined;
    const written = await this.registrations.register(stationId, tenant ?? null, async (current) => {
      // Checked again under the row lock: the station may have been assigned since the scope check.
      if (tenant !== undefined && current !== undefined && current.tenant !== tenant) return notFound(stationId);
      const decision = decideRegistration(stationId, current, body);
      if (!decision.ok) return decision;
      const { password, generatePassword, ...registration } = decision.value;
      const after = { securityProfile: registration.securityProfile, registrationStatus: registration.registrationStatus ?? current?.registrationStatus ?? 'accepted' };
      drop = connectionDropAfter(current, after, password !== undefined || generatePassword !== undefined);
      if (generatePassword !== undefined) {
        const fresh = generateStationPassword(generatePassword);
        generated = generatePassword === 'ocpp1.6' ? { password: fresh.password, authorizationKey: authorizationKeyOf(fresh.password) } : { password: fresh.password };
        return succeeded({ ...registration, passwordHash: fresh.passwordHash });
      }
      return succeeded({ ...registration, passwordHash: password === undefined ? undefined : await hashPassword(password) });
    });
    if (!written.ok) return written;
    if (drop !== undefined) await this.drops.drop(stationId, drop, actor);
    const station = await this.get(stationId);
    if (!station.ok) return station;
    return succeeded({ created: written.value.created, station: generated === undefined ? station.value : { ...station.value, generatedPassword: generated } });
  }

  /**
   * Raises the station's minimum security profile to `securityProfile`; never lowers it (a
   * lower or equal request leaves the registration as it is). For the PKI's profile upgrade,
   * once the station is confirmed on the new profile.
   */
  async raiseMinimumProfile(stationId: string, securityProfile: number): Promise<ApiResult<{ securityProfile: number; raised: boolean }>> {
    let result = { securityProfile, raised: false };
    const written = await this.registrations.register(stationId, null, async (current) => {
      if (current === undefined) return notFound(stationId);
      result = { securityProfile: Math.max(current.securityProfile, securityProfile), raised: securityProfile > current.securityProfile };
      const decision = decideRegistration(stationId, current, { securityProfile: result.securityProfile });
      if (!decision.ok) return decision;
      const { serialNumber, registrationStatus } = decision.value;
      return succeeded({ securityProfile: result.securityProfile, serialNumber, registrationStatus, passwordHash: undefined });
    });
    if (!written.ok) return written;
    // A connection already on the new profile (the upgrade confirmed it) stays; one below it is dropped.
    if (result.raised) await this.drops.drop(stationId, profileRaised(securityProfile));
    return succeeded(result);
  }

  /**
   * Accepts a Pending station (its next BootNotification is Accepted), or adopts a first-contact
   * one; either, when it has no credentials, is given a password by the replica that holds it as
   * soon as it is connected (ADR 039): `credentialProvisioning` on the station says how far that got.
   */
  async accept(stationId: string): Promise<ApiResult<StationDetailView>> {
    const accepted = await this.provisionings.accept(stationId);
    if (!accepted.ok) {
      return accepted.error.code === StationRegistryErrorCode.unknownStation
        ? notFound(stationId)
        : failed(OperatorApiErrorCode.stationNotPending, accepted.error.message);
    }
    return this.get(stationId);
  }

  /** The stations connected now (on any replica) and the OCPP version of each connection. */
  private connectedProtocols(): Map<string, string> {
    const connected = new Map<string, string>();
    for (const [stationId, location] of this.presence.entries()) {
      if (location.connected) connected.set(stationId, liveStateOf(location).protocol ?? 'unknown');
    }
    return connected;
  }
}

function profileRaised(securityProfile: number): ConnectionDrop {
  return { cause: DropCause.SECURITY_PROFILE_CHANGED, keepFromProfile: securityProfile };
}

function notFound<T>(stationId: string): ApiResult<T> {
  return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
}
