import { parseOperatorProfileSource } from '../external-limits/foreign-limit-source';
import type { ForeignProfileSlot } from '../external-limits/foreign-profile';
import type { PlannedProfile } from './planned-profile';

/** The operators' profiles each station holds, read (once each) from the limit sources recorded for them. */
export function foreignProfilesByStation(sources: Iterable<string>): Map<string, ForeignProfileSlot[]> {
  const seen = new Set<string>();
  const byStation = new Map<string, ForeignProfileSlot[]>();
  for (const source of sources) {
    const parsed = seen.has(source) ? undefined : parseOperatorProfileSource(source);
    seen.add(source);
    if (parsed === undefined) continue;
    const list = byStation.get(parsed.stationId) ?? [];
    list.push(parsed.slot);
    byStation.set(parsed.stationId, list);
  }
  return byStation;
}

export type Clearance = { ok: true; profile: PlannedProfile } | { ok: false; reason: string };

/**
 * Our profile placed so that the station keeps the operators' (docs/adr/018-limits-set-by-others.md):
 * a station replaces a profile with the same id, and (1.6) one with the same purpose and stack level
 * on the same EVSE, which 2.0.1 refuses instead. So ours moves to the highest stack level below its
 * own that no operator profile of its purpose and EVSE holds; when none is free, or an operator used
 * our id, ours is not sent (the operator's limit is honoured in the allocation all the same).
 */
export function clearOfForeign(profile: PlannedProfile, foreign: readonly ForeignProfileSlot[]): Clearance {
  if (foreign.some((held) => held.profileId === profile.id)) return { ok: false, reason: `an operator's profile holds id ${profile.id}, which this service uses for its ${profile.purpose} profile` };
  const taken = new Set(foreign.filter((held) => held.purpose === profile.purpose && held.evseId === profile.evseId).map((held) => held.stackLevel));
  for (let level = profile.stackLevel; level >= 0; level--) if (!taken.has(level)) return { ok: true, profile: level === profile.stackLevel ? profile : { ...profile, stackLevel: level } };
  return { ok: false, reason: `operators' ${profile.purpose} profiles hold every stack level up to ${profile.stackLevel} on EVSE ${profile.evseId}` };
}
