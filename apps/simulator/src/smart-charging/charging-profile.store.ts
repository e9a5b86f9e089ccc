import type { ChargingProfile, InstalledProfile, LimitSource, ProfilePurpose } from './charging-profile';

/** Why a station refuses a SetChargingProfile (answered `Rejected`). */
export enum ProfileRejection {
  /** A station maximum profile belongs on connector/EVSE 0. */
  StationMaxNotOnStation = 'StationMaxNotOnStation',
  /** A TxProfile needs a connector/EVSE (> 0) with a running transaction. */
  NoTransaction = 'NoTransaction',
  /** ChargingStationExternalConstraints are set by a local controller, never by the CSMS. */
  ReadOnlyPurpose = 'ReadOnlyPurpose',
  /** The station has no such connector/EVSE. */
  UnknownEvse = 'UnknownEvse',
}

export type InstallResult = { readonly ok: true } | { readonly ok: false; readonly reason: ProfileRejection };

/** ClearChargingProfile criteria; `id` alone selects, otherwise every given field must match. */
export interface ClearCriteria {
  readonly id?: number;
  readonly evseId?: number;
  readonly purpose?: ProfilePurpose;
  readonly stackLevel?: number;
}

export interface StoreLimits {
  /** Connectors (1.6) or EVSEs (2.0.1): valid ids are 1..evseCount, and 0 for the station. */
  readonly evseCount: number;
  /** Which transaction runs on an EVSE, if any. */
  readonly transactionOn: (evseId: number) => string | undefined;
  /** Told just before the profiles change, so that meters count the time until now under the old ones. */
  readonly beforeChange?: () => void;
}

/**
 * The charging profiles a station holds, as a real station keeps them: per connector/EVSE,
 * purpose and stack level; a new profile replaces the one with the same id and the one with the
 * same purpose and stackLevel on the same connector/EVSE. Decisions only, no I/O.
 */
export class ChargingProfileStore {
  private installed: InstalledProfile[] = [];

  constructor(private readonly limits: StoreLimits) {}

  install(evseId: number, profile: ChargingProfile): InstallResult {
    const rejection = this.rejectionOf(evseId, profile);
    if (rejection) return { ok: false, reason: rejection };
    const transactionId = profile.purpose === 'Tx' ? (profile.transactionId ?? this.limits.transactionOn(evseId)) : profile.transactionId;
    this.limits.beforeChange?.();
    this.installed = this.installed.filter(
      (entry) =>
        entry.profile.id !== profile.id &&
        !(entry.evseId === evseId && entry.profile.purpose === profile.purpose && entry.profile.stackLevel === profile.stackLevel),
    );
    this.installed.push({ evseId, profile: { ...profile, transactionId } });
    return { ok: true };
  }

  /** Removes what matches `criteria` (external constraints are never cleared); returns how many. */
  clear(criteria: ClearCriteria): number {
    const kept = this.installed.filter((entry) => entry.profile.purpose === 'ExternalConstraints' || !matches(entry, criteria));
    const cleared = this.installed.length - kept.length;
    if (cleared > 0) this.limits.beforeChange?.();
    this.installed = kept;
    return cleared;
  }

  /** A transaction ended: its TxProfiles go with it. */
  endTransaction(evseId: number, transactionId: string): void {
    this.installed = this.installed.filter(
      (entry) => !(entry.profile.purpose === 'Tx' && entry.evseId === evseId && (entry.profile.transactionId ?? transactionId) === transactionId),
    );
  }

  /** Sets a ChargingStationExternalConstraints profile, as a local energy manager would. */
  constrainExternally(evseId: number, profile: ChargingProfile): void {
    this.limits.beforeChange?.();
    this.installed = this.installed.filter((entry) => entry.profile.id !== profile.id);
    this.installed.push({ evseId, profile: { ...profile, purpose: 'ExternalConstraints' } });
  }

  /** An external limit from `source` on `evseId` is lifted; returns how many profiles went. */
  removeExternal(evseId: number, source: LimitSource): number {
    const isLifted = (entry: InstalledProfile) => entry.profile.purpose === 'ExternalConstraints' && entry.evseId === evseId && entry.profile.source === source;
    const lifted = this.installed.filter(isLifted).length;
    if (lifted > 0) this.limits.beforeChange?.();
    this.installed = this.installed.filter((entry) => !isLifted(entry));
    return lifted;
  }

  list(): readonly InstalledProfile[] {
    return this.installed;
  }

  private rejectionOf(evseId: number, profile: ChargingProfile): ProfileRejection | undefined {
    if (!Number.isInteger(evseId) || evseId < 0 || evseId > this.limits.evseCount) return ProfileRejection.UnknownEvse;
    switch (profile.purpose) {
      case 'ExternalConstraints':
        return ProfileRejection.ReadOnlyPurpose;
      case 'StationMax':
        return evseId === 0 ? undefined : ProfileRejection.StationMaxNotOnStation;
      case 'Tx': {
        const running = evseId > 0 ? this.limits.transactionOn(evseId) : undefined;
        if (running === undefined) return ProfileRejection.NoTransaction;
        return profile.transactionId === undefined || profile.transactionId === running ? undefined : ProfileRejection.NoTransaction;
      }
      case 'TxDefault':
        return undefined;
    }
  }
}

function matches(entry: InstalledProfile, criteria: ClearCriteria): boolean {
  if (criteria.id !== undefined) return entry.profile.id === criteria.id;
  if (criteria.evseId !== undefined && entry.evseId !== criteria.evseId) return false;
  if (criteria.purpose !== undefined && entry.profile.purpose !== criteria.purpose) return false;
  return criteria.stackLevel === undefined || entry.profile.stackLevel === criteria.stackLevel;
}
