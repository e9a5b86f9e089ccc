import type { StationEvents } from './station-events';

/** Running totals of one station, kept from its events. */
export interface StationCounters {
  connects: number;
  connectFailures: number;
  disconnects: number;
  bootAttempts: number;
  callsSent: number;
  callsFailed: number;
  callsReceived: number;
  transactionsStarted: number;
  transactionsStopped: number;
  meterValuesSent: number;
  protocolIssues: number;
}

export function countEvents(events: StationEvents): StationCounters {
  const counters: StationCounters = {
    connects: 0,
    connectFailures: 0,
    disconnects: 0,
    bootAttempts: 0,
    callsSent: 0,
    callsFailed: 0,
    callsReceived: 0,
    transactionsStarted: 0,
    transactionsStopped: 0,
    meterValuesSent: 0,
    protocolIssues: 0,
  };
  events.on('connected', () => (counters.connects += 1));
  events.on('connectFailed', () => (counters.connectFailures += 1));
  events.on('disconnected', () => (counters.disconnects += 1));
  events.on('booted', () => (counters.bootAttempts += 1));
  events.on('callCompleted', ({ errorCode }) => {
    counters.callsSent += 1;
    if (errorCode !== undefined) counters.callsFailed += 1;
  });
  events.on('callReceived', () => (counters.callsReceived += 1));
  events.on('transactionStarted', () => (counters.transactionsStarted += 1));
  events.on('transactionStopped', () => (counters.transactionsStopped += 1));
  events.on('meterValues', () => (counters.meterValuesSent += 1));
  events.on('protocolIssue', () => (counters.protocolIssues += 1));
  return counters;
}
