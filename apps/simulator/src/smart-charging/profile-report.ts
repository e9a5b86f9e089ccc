import type { Ocpp201 } from '@app/ocpp';
import type { InstalledProfile, LimitSource, ProfilePurpose } from './charging-profile';
import { profileTo201 } from './charging-profile.mapper';

const purposeOf201: Readonly<Record<Ocpp201.ChargingProfilePurposeEnumType, ProfilePurpose>> = {
  ChargingStationMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
  ChargingStationExternalConstraints: 'ExternalConstraints',
};

export const sourceOf = (installed: InstalledProfile): LimitSource => installed.profile.source ?? 'CSO';

/**
 * The profiles a 2.0.1 GetChargingProfiles asks for (K09): no evseId means every EVSE and the
 * station, 0 the station-wide ones; every criterion given must match.
 */
export function selectProfiles(installed: readonly InstalledProfile[], request: Ocpp201.GetChargingProfilesRequest): InstalledProfile[] {
  const { evseId, chargingProfile: criteria } = request;
  const purpose = criteria.chargingProfilePurpose === undefined ? undefined : purposeOf201[criteria.chargingProfilePurpose];
  return installed.filter(
    (entry) =>
      (evseId === undefined || entry.evseId === evseId) &&
      (purpose === undefined || entry.profile.purpose === purpose) &&
      (criteria.stackLevel === undefined || entry.profile.stackLevel === criteria.stackLevel) &&
      (criteria.chargingProfileId === undefined || criteria.chargingProfileId.includes(entry.profile.id)) &&
      (criteria.chargingLimitSource === undefined || criteria.chargingLimitSource.includes(sourceOf(entry))),
  );
}

/**
 * The ReportChargingProfiles messages that answer `requestId`: one per EVSE and source (each
 * message has one of each), `tbc` on all but the last. Empty when nothing was selected.
 */
export function profileReports(requestId: number, selected: readonly InstalledProfile[]): Ocpp201.ReportChargingProfilesRequest[] {
  const groups = new Map<string, InstalledProfile[]>();
  for (const entry of selected) {
    const key = `${entry.evseId}/${sourceOf(entry)}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const reports = [...groups.values()].flatMap((entries): Ocpp201.ReportChargingProfilesRequest[] => {
    const [first, ...rest] = entries;
    if (first === undefined) return [];
    return [
      {
        requestId,
        chargingLimitSource: sourceOf(first),
        evseId: first.evseId,
        chargingProfile: [profileTo201(first.profile), ...rest.map((entry) => profileTo201(entry.profile))],
      },
    ];
  });
  return reports.map((report, index) => (index < reports.length - 1 ? { ...report, tbc: true } : report));
}
