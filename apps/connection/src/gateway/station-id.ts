/**
 * OCPP-J: the station identity is the last path segment of the connection URL,
 * at most 48 characters from a-z A-Z 0-9 * - _ = : + | @ . (OCPP 2.0.1 part 4
 * §3.1.1; we hold 1.6 stations to the same rule).
 */
const STATION_ID = /^[A-Za-z0-9*\-_=:+|@.]{1,48}$/;

export type StationIdParse = { ok: true; stationId: string } | { ok: false; reason: string };

export function parseStationPath(pathname: string, prefix = '/ocpp/'): StationIdParse {
  if (!pathname.startsWith(prefix)) return { ok: false, reason: `path must be ${prefix}{stationId}` };
  const raw = pathname.slice(prefix.length);
  if (raw.includes('/')) return { ok: false, reason: `path must be ${prefix}{stationId}` };
  let stationId: string;
  try {
    stationId = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'station id is not valid percent-encoding' };
  }
  if (!STATION_ID.test(stationId)) {
    return { ok: false, reason: 'station id must be 1-48 characters of a-z A-Z 0-9 * - _ = : + | @ .' };
  }
  return { ok: true, stationId };
}
