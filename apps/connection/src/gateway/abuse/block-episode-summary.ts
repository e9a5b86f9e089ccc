import type { BlockEpisode } from './failed-authentications';

/** The security event type of a block episode's one summary (raised by the CSMS, not an OCPP-defined type). */
export const REPEATED_FAILED_AUTHENTICATIONS = 'RepeatedFailedAuthentications';

export interface BlockSummary {
  /** Whom the event is filed under: the blocked station id, or the first station id the blocked address tried. */
  stationId: string;
  techInfo: string;
}

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`;

/** One line that says all the episode's event has room for (techInfo is cut at 255 characters). */
export function summaryOf(episode: BlockEpisode): BlockSummary {
  const what = episode.scope === 'address' ? `address ${episode.key}` : `station id ${episode.key}`;
  const triedWhat = episode.scope === 'address' ? 'station ids' : 'from addresses';
  const tried = `${[...episode.tried].join(',')}${episode.triedMore ? ',...' : ''}`;
  return {
    stationId: episode.scope === 'station' ? episode.key : episode.firstStationId,
    techInfo:
      `${what} blocked for ${seconds(episode.until - episode.startedAt)} after ${episode.failures} failed authentications in ${seconds(episode.startedAt - episode.firstFailureAt)}; ` +
      `${episode.refused} tries refused while blocked; ${triedWhat}: ${tried}`,
  };
}
