/** What a root distribution job does at every station of its batch. */
export type RootJobKind = 'install' | 'delete' | 'rollover';

/** A step's outcome at one station: the station's answer, or why it gave none. */
export type StepOutcome = 'accepted' | 'rejected' | 'failed' | 'offline';

export type RootJobStatus = 'running' | 'done' | 'partiallyFailed';

/**
 * install/delete: `sending` → `finished`. rollover: `installingNew` → `deletingOld` → `finished`,
 * or `holdingOldRoot` when a station did not confirm the new root (nobody's old root is deleted).
 */
export type RootJobPhase = 'sending' | 'installingNew' | 'deletingOld' | 'finished' | 'holdingOldRoot';

export interface StationSteps {
  readonly stationId: string;
  readonly install?: StepOutcome;
  /** The station listed the installed certificate in GetInstalledCertificateIds afterwards. */
  readonly confirmed: boolean;
  readonly delete?: StepOutcome;
}

export interface JobProgress {
  readonly status: RootJobStatus;
  readonly phase: RootJobPhase;
  /** The steps to run now; absent when the job has nothing left to do. */
  readonly next?: { readonly step: 'install' | 'delete'; readonly stationIds: readonly string[] };
}

const pending = (stations: readonly StationSteps[], step: 'install' | 'delete') => stations.filter((station) => station[step] === undefined).map((station) => station.stationId);

function single(stations: readonly StationSteps[], step: 'install' | 'delete'): JobProgress {
  const stationIds = pending(stations, step);
  if (stationIds.length > 0) return { status: 'running', phase: 'sending', next: { step, stationIds } };
  return { status: stations.every((station) => station[step] === 'accepted') ? 'done' : 'partiallyFailed', phase: 'finished' };
}

/**
 * Where a job stands, from its per-station steps alone (so a restarted service resumes exactly
 * where the database says). A rollover deletes the old root only once every station of the batch
 * has accepted the new one and listed it: until the CSMS's server certificate is switched to the
 * new root, any station without the old root could not connect, so one station that failed keeps
 * the old root trusted everywhere, and the job ends `partiallyFailed` in `holdingOldRoot`.
 */
export function progressOf(kind: RootJobKind, stations: readonly StationSteps[]): JobProgress {
  if (kind !== 'rollover') return single(stations, kind);
  const installing = pending(stations, 'install');
  if (installing.length > 0) return { status: 'running', phase: 'installingNew', next: { step: 'install', stationIds: installing } };
  const allConfirmed = stations.every((station) => station.install === 'accepted' && station.confirmed);
  if (!allConfirmed) return { status: 'partiallyFailed', phase: 'holdingOldRoot' };
  const deleting = pending(stations, 'delete');
  if (deleting.length > 0) return { status: 'running', phase: 'deletingOld', next: { step: 'delete', stationIds: deleting } };
  return { status: stations.every((station) => station.delete === 'accepted') ? 'done' : 'partiallyFailed', phase: 'finished' };
}
