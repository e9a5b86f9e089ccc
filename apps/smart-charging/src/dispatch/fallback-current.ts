import type { SentProfile } from './profile-change';
import { limitAt } from './profile-change';
import { NOMINAL_VOLTAGE } from './profile-builder';

function amperesAt(sent: SentProfile, now: number): number {
  const limit = limitAt(sent.profile, now);
  return sent.profile.rateUnit === 'A' ? limit : limit / (sent.profile.numberPhases * NOMINAL_VOLTAGE);
}

/**
 * What a session without a TxProfile of ours may draw on a station: its composite schedule is
 * then the TxDefaultProfile capped by the station-max profile, of those the station accepted;
 * with neither, only the charger's rating bounds it.
 */
export function fallbackCurrentA(held: readonly SentProfile[], ratingA: number, now: number): number {
  let amps = ratingA;
  for (const sent of held) {
    if (sent.outcome !== 'accepted' || sent.profile.evseId !== 0) continue;
    if (sent.profile.purpose === 'tx-default' || sent.profile.purpose === 'station-max') amps = Math.min(amps, amperesAt(sent, now));
  }
  return Math.max(0, amps);
}
