import { create } from '@bufbuild/protobuf';
import {
  ChargingLimitClearedSchema,
  ChargingLimitReportedSchema,
  ChargingLimitSource,
  ChargingProfileInstalledSchema,
  ChargingProfileKind,
  ChargingProfilePurpose,
  ChargingProfilesClearedSchema,
  ChargingRateUnit,
  timestampFromDate,
} from '@app/contracts';
import pino from 'pino';
import type { LimitSchedule } from '../limits/limit-schedule.schemas';
import type { LimitScheduleStore } from '../limits/limit-schedule.store';
import type { StoredSchedule } from '../limits/limit-schedule.view';
import { succeeded, failed, LimitsErrorCode } from '../limits/limits.error';
import type { SessionTracker } from '../sessions/session-tracker';
import type { StoredNode } from '../topology/topology.model';
import type { TopologyRepository } from '../topology/topology.repository';
import { ForeignLimitRecorder } from './foreign-limit.recorder';

const at = Date.parse('2026-12-07T10:00:00Z');
const nodes = [{ nodeId: 'D-1', kind: 'charger', parentId: 'S' }, { nodeId: 'D-1:1', kind: 'evse', parentId: 'D-1', evseId: 1 }] as StoredNode[];

/** The store as a map of (node, source) → schedule, with every write and removal kept in order. */
function setup(sessionStart?: number) {
  const schedules = new Map<string, StoredSchedule>();
  const writes: string[] = [];
  const store = {
    replace: async (_site: string, nodeId: string, source: string, schedule: LimitSchedule, actor: string) => {
      writes.push(`replace ${nodeId} ${source} by ${actor}`);
      const stored = { ...schedule, nodeId, source, version: 1, updatedBy: actor, updatedAt: new Date() };
      schedules.set(`${nodeId}|${source}`, stored);
      return succeeded({ schedule: stored, created: true });
    },
    remove: async (_site: string, nodeId: string, source: string, actor: string) => {
      writes.push(`remove ${nodeId} ${source} by ${actor}`);
      schedules.delete(`${nodeId}|${source}`);
      return succeeded(undefined);
    },
    schedule: async (_site: string, nodeId: string, source: string) => {
      const found = schedules.get(`${nodeId}|${source}`);
      return found ? succeeded(found) : failed(LimitsErrorCode.scheduleNotFound, 'none');
    },
    schedulesFor: async () => [...schedules.values()],
  } as unknown as LimitScheduleStore;
  const topology = {
    dataSource: {},
    chargersOfStations: async (_executor: unknown, ids: string[]) => (ids[0] === 'D-1' ? [{ siteId: 'S', nodeId: 'D-1', stationId: 'D-1' }] : []),
    siteWithNodes: async () => ({ site: {}, nodes }),
  } as unknown as TopologyRepository;
  const sessions = new Map(sessionStart === undefined ? [] : [[1, { evseId: 1, transactionId: 'T1', startedAt: sessionStart }]]);
  const tracker = { station: () => ({ sessions }) } as unknown as SessionTracker;
  return { recorder: new ForeignLimitRecorder(store, topology, tracker, pino({ level: 'silent' })), schedules, writes };
}

const profile = (id: number, purpose: ChargingProfilePurpose, stackLevel: number, limit: number, kind = ChargingProfileKind.ABSOLUTE) => ({
  id,
  stackLevel,
  purpose,
  kind,
  schedule: { rateUnit: ChargingRateUnit.AMPERE, periods: [{ startPeriodSeconds: 0, limit }] },
});
const installed = (evseId: number, wire: ReturnType<typeof profile>) => create(ChargingProfileInstalledSchema, { evseId, profile: wire, originService: 'connection', actor: 'ops' });

describe('ForeignLimitRecorder', () => {
  it('records an operator’s station-max profile on the charger, replacing the one it displaced on the station', async () => {
    const { recorder, schedules, writes } = setup();
    await recorder.profileInstalled('D-1', at, installed(0, profile(5, ChargingProfilePurpose.STATION_MAX, 3, 16)));
    await recorder.profileInstalled('D-1', at, installed(0, profile(6, ChargingProfilePurpose.STATION_MAX, 3, 8)));
    expect(writes).toEqual([
      'replace D-1 operator-profile:D-1:station-max:0:3:5 by ops',
      'remove D-1 operator-profile:D-1:station-max:0:3:5 by ops',
      'replace D-1 operator-profile:D-1:station-max:0:3:6 by ops',
    ]);
    expect(schedules.get('D-1|operator-profile:D-1:station-max:0:3:6')?.slots[0]).toMatchObject({ start: '2026-12-07T10:00:00.000Z', perPhaseA: [8, 8, 8] });
  });

  it('writes nothing again for a redelivered event', async () => {
    const { recorder, writes } = setup();
    const event = installed(0, profile(5, ChargingProfilePurpose.STATION_MAX, 3, 16));
    await recorder.profileInstalled('D-1', at, event);
    await recorder.profileInstalled('D-1', at, event);
    expect(writes).toHaveLength(1);
  });

  it('runs a relative TxProfile from its transaction’s start, on the EVSE, until the transaction ends', async () => {
    const { recorder, schedules, writes } = setup(at - 60_000);
    await recorder.profileInstalled('D-1', at, installed(1, profile(7, ChargingProfilePurpose.TX, 0, 6, ChargingProfileKind.RELATIVE)));
    expect(schedules.get('D-1:1|operator-profile:D-1:tx:1:0:7')?.slots[0]).toMatchObject({ start: '2026-12-07T10:00:00.000Z', perPhaseA: [6, 6, 6] });
    await recorder.transactionEnded('D-1', 2);
    await recorder.transactionEnded('D-1', 1);
    expect(writes.at(-1)).toBe('remove D-1:1 operator-profile:D-1:tx:1:0:7 by station:D-1');
    expect(schedules.size).toBe(0);
  });

  it('clears what the criteria select and nothing else', async () => {
    const { recorder, schedules } = setup();
    await recorder.profileInstalled('D-1', at, installed(0, profile(5, ChargingProfilePurpose.STATION_MAX, 3, 16)));
    await recorder.profileInstalled('D-1', at, installed(0, profile(8, ChargingProfilePurpose.TX_DEFAULT, 1, 10)));
    expect(await recorder.profilesCleared('D-1', create(ChargingProfilesClearedSchema, { purpose: ChargingProfilePurpose.TX_DEFAULT, originService: 'connection' }))).toEqual({ siteId: 'S', stationId: 'D-1' });
    expect([...schedules.keys()]).toEqual(['D-1|operator-profile:D-1:station-max:0:3:5']);
  });

  it('records a reported limit per source and EVSE, drops it when cleared or when a report comes without a schedule', async () => {
    const { recorder, schedules } = setup();
    const schedule = { startSchedule: timestampFromDate(new Date(at)), rateUnit: ChargingRateUnit.WATT, periods: [{ startPeriodSeconds: 0, limit: 7000 }], durationSeconds: 600 };
    await recorder.limitReported('D-1', at, create(ChargingLimitReportedSchema, { source: ChargingLimitSource.SO, evseId: 1, schedules: [schedule] }));
    expect(schedules.get('D-1:1|station:D-1:SO:1')).toMatchObject({ updatedBy: 'station:D-1', slots: [{ durationS: 600, totalW: 7000 }] });
    await recorder.limitReported('D-1', at, create(ChargingLimitReportedSchema, { source: ChargingLimitSource.SO, evseId: 1 }));
    expect(schedules.size).toBe(0);
    await recorder.limitReported('D-1', at, create(ChargingLimitReportedSchema, { source: ChargingLimitSource.EMS, evseId: 0, schedules: [schedule] }));
    expect([...schedules.keys()]).toEqual(['D-1|station:D-1:EMS:0']);
    await recorder.limitCleared('D-1', create(ChargingLimitClearedSchema, { source: ChargingLimitSource.EMS, evseId: 0 }));
    expect(schedules.size).toBe(0);
  });

  it('records nothing for a station that is in no site', async () => {
    const { recorder, writes } = setup();
    expect(await recorder.profileInstalled('X-9', at, installed(0, profile(5, ChargingProfilePurpose.STATION_MAX, 3, 16)))).toBeUndefined();
    expect(writes).toEqual([]);
  });
});
