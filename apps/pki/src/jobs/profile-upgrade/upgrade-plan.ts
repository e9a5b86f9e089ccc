/**
 * The pure parts of a security-profile upgrade: whether one may start, and the version-specific
 * settings that move a station to the new profile and back.
 */

/** 2.0.1 device-model variable holding the order of the network profile slots, as the neutral configuration key. */
export const PRIORITY_KEY = 'OCPPCommCtrlr/NetworkConfigurationPriority';
/** 1.6 configuration key of the security extension. */
export const SECURITY_PROFILE_KEY = 'SecurityProfile';

export type UpgradeRefusal =
  | { code: 'not-an-upgrade'; detail: string }
  | { code: 'client-certificate-missing'; detail: string }
  | { code: 'station-not-connected'; detail: string }
  | { code: 'profile-unsupported'; detail: string };

export interface StationFacts {
  stationId: string;
  connected: boolean;
  /** The profile the station is connected on now. */
  securityProfile: number;
  /** True when we issued it a valid, unrevoked client certificate. */
  holdsClientCertificate: boolean;
}

/** Only upwards, only with what the new profile needs; never a downgrade nor a no-op. */
export function decideUpgrade(station: StationFacts, toProfile: number): UpgradeRefusal | undefined {
  if (!station.connected) return { code: 'station-not-connected', detail: `station ${station.stationId} is not connected; an upgrade needs it online` };
  if (toProfile <= station.securityProfile) {
    return { code: 'not-an-upgrade', detail: `station ${station.stationId} is on security profile ${station.securityProfile}; only an upgrade above it is possible, never a downgrade` };
  }
  if (toProfile < 2) return { code: 'profile-unsupported', detail: `an upgrade moves a station onto TLS: profile 2 or 3, not ${toProfile}` };
  if (toProfile === 3 && !station.holdsClientCertificate) {
    return { code: 'client-certificate-missing', detail: `station ${station.stationId} holds no valid client certificate issued by this PKI; have it sign one first (SignCertificate) before profile 3` };
  }
  return undefined;
}

/** A priority list as NetworkConfigurationPriority holds it ("1,2"), or undefined when it is not one. */
export function parsePriority(value: string | undefined): number[] | undefined {
  if (value === undefined || !/^\s*\d+(\s*,\s*\d+)*\s*$/.test(value)) return undefined;
  return value.split(',').map((slot) => Number(slot.trim()));
}

/** The slot for the new profile: one not in use, after the highest one listed. */
export function freeSlot(priority: readonly number[]): number {
  return Math.max(0, ...priority) + 1;
}

/** The new slot first, the previous ones after it as fallbacks (B10). */
export function upgradedPriority(slot: number, previous: readonly number[]): string {
  return [slot, ...previous.filter((existing) => existing !== slot)].join(',');
}

/** SetNetworkProfile's payload for the new slot (2.0.1). */
export function networkProfilePayload(slot: number, csmsUrl: string, securityProfile: number): Record<string, unknown> {
  return {
    configurationSlot: slot,
    connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: csmsUrl, messageTimeout: 30, securityProfile, ocppInterface: 'Wired0' },
  };
}
