import type { z } from 'zod';
import type { DispatchRecord } from '../dispatch/dispatched-profile.repository';
import type { StationChargingState } from '../sessions/charging-session';
import type { sitePlanSchema, stationChargingSchema } from './charging-views.schemas';
import type { MeasuredDraw } from './measured-draw';
import type { SitePlanView } from './site-plan.view';

const finiteOrNull = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);
const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The latest plan with what is measured now laid over it. */
export function sitePlanBody(plan: SitePlanView, measured: MeasuredDraw): z.input<typeof sitePlanSchema> {
  return {
    siteId: plan.siteId,
    plannedAt: iso(plan.plannedAt),
    nextChangeAt: plan.nextChangeAt === undefined ? null : iso(plan.nextChangeAt),
    unreachable: plan.unreachable,
    nodes: plan.nodes.map((node) => ({
      nodeId: node.nodeId,
      limit: {
        perPhaseA: node.limit.perPhaseA,
        totalW: node.limit.totalW,
      },
      loadA: node.loadA,
      loadW: node.loadW,
      drawnA: measured.nodes.get(node.nodeId) ?? [0, 0, 0],
      headroomA: node.headroomA.map(finiteOrNull),
      headroomW: finiteOrNull(node.headroomW),
    })),
    sessions: plan.sessions.map((session) => {
      const drawn = measured.sessions.get(session.sessionId);
      return {
        ...session,
        gridPhases: [...session.gridPhases],
        drawnA: drawn === undefined ? (session.drawnA ?? null) : Math.max(...drawn.perGridPhaseA),
        drawnPerPhaseA: drawn?.perGridPhaseA ?? null,
        drawnAt: drawn?.at === undefined ? null : iso(drawn.at),
        offeredA: session.offeredA ?? null,
        overdraw: session.overdraw ?? null,
      };
    }),
    stations: plan.stations,
  };
}

export function stationChargingBody(state: StationChargingState, siteId: string | undefined, held: readonly DispatchRecord[]): z.input<typeof stationChargingSchema> {
  return {
    stationId: state.stationId,
    siteId: siteId ?? null,
    connected: state.connected,
    capabilities: state.capabilities ? { ...state.capabilities, rateUnits: [...state.capabilities.rateUnits] } : null,
    sessions: [...state.sessions.values()].map((session) => ({
      evseId: session.evseId,
      transactionId: session.transactionId,
      startedAt: iso(session.startedAt),
      drawnA: session.drawnA ? { ...session.drawnA } : null,
    })),
    profiles: held.map((record) => ({
      purpose: record.profile.purpose,
      evseId: record.profile.evseId,
      outcome: record.outcome,
      sentAt: iso(record.sentAt),
      detail: record.detail ?? null,
      profile: { ...record.profile, startSchedule: iso(record.profile.startSchedule) },
    })),
  };
}
