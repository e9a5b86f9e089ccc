import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { ChargingProfile } from '../smart-charging/charging-profile';
import { clearCriteriaFrom16, clearCriteriaFrom201, profileFrom16, profileFrom201 } from '../smart-charging/charging-profile.mapper';
import type { ClearCriteria } from '../smart-charging/charging-profile.store';
import { profileReports, selectProfiles } from '../smart-charging/profile-report';
import { isoTime } from '../dialect/station-dialect';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

function install(station: StationControl, evseId: number, profile: ChargingProfile): 'Accepted' | 'Rejected' {
  if (!station.profiles.install(evseId, profile).ok) return 'Rejected';
  station.afterAnswer(() => station.profilesChanged(evseId));
  return 'Accepted';
}

function clear(station: StationControl, criteria: ClearCriteria): 'Accepted' | 'Unknown' {
  const before = station.profiles.list();
  if (station.profiles.clear(criteria) === 0) return 'Unknown';
  const remaining = new Set(station.profiles.list());
  const evseIds = new Set(before.filter((entry) => !remaining.has(entry)).map((entry) => entry.evseId));
  station.afterAnswer(async () => {
    for (const evseId of evseIds) await station.profilesChanged(evseId);
  });
  return 'Accepted';
}

const knownEvse = (station: StationControl, evseId: number): boolean => evseId >= 0 && evseId <= station.evseCount;

/** Charging profiles as a real station keeps them, and the composite schedule they make. */
export const smartCharging16: HandlerTable<'1.6'> = {
  SetChargingProfile: (request, station) => ({ status: install(station, request.connectorId, profileFrom16(request.csChargingProfiles, station.now())) }),
  ClearChargingProfile: (request, station) => ({ status: clear(station, clearCriteriaFrom16(request)) }),
  GetCompositeSchedule: (request, station): Ocpp16.GetCompositeScheduleResponse => {
    if (!knownEvse(station, request.connectorId)) return { status: 'Rejected' };
    const schedule = station.compositeSchedule(request.connectorId, request.duration, request.chargingRateUnit ?? 'A');
    return {
      status: 'Accepted',
      connectorId: request.connectorId,
      scheduleStart: isoTime(schedule.start),
      chargingSchedule: {
        duration: schedule.durationS,
        startSchedule: isoTime(schedule.start),
        chargingRateUnit: schedule.unit,
        chargingSchedulePeriod: schedule.periods.map((period) => ({ ...period })),
      },
    };
  },
};

/** The profiles asked for follow the answer, as ReportChargingProfiles messages (K09). */
function getChargingProfiles(request: Ocpp201.GetChargingProfilesRequest, station: StationControl): Ocpp201.GetChargingProfilesResponse {
  const reports = profileReports(request.requestId, selectProfiles(station.profiles.list(), request));
  if (reports.length === 0) return { status: 'NoProfiles' };
  station.afterAnswer(async () => {
    for (const report of reports) await station.send('ReportChargingProfiles', report);
  });
  return { status: 'Accepted' };
}

export const smartCharging201: HandlerTable<'2.0.1'> = {
  GetChargingProfiles: getChargingProfiles,
  SetChargingProfile: (request, station) => ({ status: install(station, request.evseId, profileFrom201(request.chargingProfile, station.now())) }),
  ClearChargingProfile: (request, station) => ({ status: clear(station, clearCriteriaFrom201(request)) }),
  GetCompositeSchedule: (request, station): Ocpp201.GetCompositeScheduleResponse => {
    if (!knownEvse(station, request.evseId)) return { status: 'Rejected' };
    const schedule = station.compositeSchedule(request.evseId, request.duration, request.chargingRateUnit ?? 'A');
    const [first, ...rest] = schedule.periods;
    if (first === undefined) return { status: 'Rejected' };
    return {
      status: 'Accepted',
      schedule: {
        evseId: request.evseId,
        duration: schedule.durationS,
        scheduleStart: isoTime(schedule.start),
        chargingRateUnit: schedule.unit,
        chargingSchedulePeriod: [{ ...first }, ...rest.map((period) => ({ ...period }))],
      },
    };
  },
};
