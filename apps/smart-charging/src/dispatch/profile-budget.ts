import type { ProfilePurpose, ProfileRequest } from './planned-profile';

/**
 * Which profiles give way first when a station holds fewer than this service would install
 * (MaxChargingProfilesInstalled / SmartChargingCtrlr.Entries.ChargingProfiles): the station-max
 * guard first, as TxProfiles and the TxDefaultProfile already bound every session; then the
 * TxDefaultProfile, as running sessions matter more than one that may start.
 */
const GIVES_WAY: Readonly<Record<ProfilePurpose, number>> = { 'station-max': 0, 'tx-default': 1, tx: 2 };

export interface BudgetedRequests {
  kept: ProfileRequest[];
  dropped: ProfileRequest[];
}

/** The requests a station with room for `maxProfiles` installs, in their original order. */
export function withinProfileBudget(requests: readonly ProfileRequest[], maxProfiles: number): BudgetedRequests {
  const room = Math.max(0, Math.floor(maxProfiles));
  if (requests.length <= room) return { kept: [...requests], dropped: [] };
  const byImportance = [...requests].sort((a, b) => GIVES_WAY[b.purpose] - GIVES_WAY[a.purpose] || a.evseId - b.evseId);
  const keep = new Set(byImportance.slice(0, room));
  return { kept: requests.filter((request) => keep.has(request)), dropped: requests.filter((request) => !keep.has(request)) };
}
