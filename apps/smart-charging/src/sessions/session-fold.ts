import type { ChargingSession, StationChargingState } from './charging-session';
import type { EvNeeds, StationFact } from './station-fact';

function withSession(state: StationChargingState, session: ChargingSession): StationChargingState {
  const sessions = new Map(state.sessions);
  sessions.set(session.evseId, session);
  return { ...state, sessions };
}

function withoutSession(state: StationChargingState, evseId: number): StationChargingState {
  const sessions = new Map(state.sessions);
  sessions.delete(evseId);
  const needs = new Map(state.needs);
  needs.delete(evseId);
  return { ...state, sessions, needs };
}

function withNeeds(state: StationChargingState, evseId: number, needs: EvNeeds): StationChargingState {
  const all = new Map(state.needs);
  all.set(evseId, needs);
  return { ...state, needs: all };
}

/** The session of a fact, if it belongs to the one running on that EVSE (a fact for an older transaction does not). */
function sessionOf(state: StationChargingState, evseId: number, transactionId: string | undefined): ChargingSession | undefined {
  const session = state.sessions.get(evseId);
  if (session === undefined) return undefined;
  return transactionId === undefined || transactionId === '' || transactionId === session.transactionId ? session : undefined;
}

function connectivity(state: StationChargingState, fact: { kind: 'connected' | 'disconnected' | 'booted'; at: number }): StationChargingState {
  if (fact.at < state.connectivityAt) return state;
  return { ...state, connected: fact.kind !== 'disconnected', connectivityAt: fact.at };
}

function started(state: StationChargingState, fact: { at: number; evseId: number; transactionId: string }): StationChargingState {
  const current = state.sessions.get(fact.evseId);
  if (current?.transactionId === fact.transactionId) return state;
  if (current !== undefined && current.startedAt > fact.at) return state;
  return withSession(state, { evseId: fact.evseId, transactionId: fact.transactionId, startedAt: fact.at });
}

/**
 * A station's state after one more fact. Facts may arrive late or twice (at-least-once
 * delivery, stations queueing while offline): connectivity follows the newest fact; a start
 * replaces whatever ran on the EVSE before only when it is not older; an end removes the
 * session (and what its EV said) only when it is that session's.
 */
export function foldStationFact(state: StationChargingState, fact: StationFact): StationChargingState {
  switch (fact.kind) {
    case 'connected':
    case 'booted':
    case 'disconnected':
      return connectivity(state, fact);
    case 'transaction-started':
      return started(state, fact);
    case 'transaction-ended':
      return sessionOf(state, fact.evseId, fact.transactionId) ? withoutSession(state, fact.evseId) : state;
    case 'current-drawn': {
      const session = sessionOf(state, fact.evseId, fact.transactionId);
      if (session === undefined || (session.drawnAt !== undefined && session.drawnAt > fact.at)) return state;
      return withSession(state, { ...session, drawnA: fact.perPhaseA, drawnAt: fact.at });
    }
    case 'ev-needs': {
      const { needWh, departure, minA, maxA, phases } = fact;
      return withNeeds(state, fact.evseId, { needWh, departure, minA, maxA, phases });
    }
    case 'capabilities':
      return { ...state, capabilities: fact.capabilities };
  }
}
