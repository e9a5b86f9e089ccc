import { formatNumber as number } from '../../components/format';
import type { EffectiveLimit, LimitValue } from './site-types';

/** "32 / 32 / 32 A" or "32 A" when the phases agree, and "22 kW" for a total; "unlimited" for none. */
export function formatLimit(limit: LimitValue | null | undefined): string {
  if (!limit || (limit.perPhaseA === undefined && limit.totalW === undefined)) return 'unlimited';
  const parts: string[] = [];
  if (limit.perPhaseA) {
    const [l1, l2, l3] = limit.perPhaseA;
    parts.push(l1 === l2 && l2 === l3 ? `${number(l1)} A per phase` : `${limit.perPhaseA.map((value) => number(value)).join(' / ')} A`);
  }
  if (limit.totalW !== undefined) parts.push(limit.totalW >= 1000 ? `${number(limit.totalW / 1000)} kW total` : `${number(limit.totalW)} W total`);
  return parts.join(', ');
}

/** One row per phase (and the total): the effective value and the source that sets it. */
export function effectiveRows(limit: EffectiveLimit): { what: string; value: string; boundBy: string }[] {
  const phaseRows = (['L1', 'L2', 'L3'] as const).map((phase, index) => ({
    what: phase,
    value: limit.perPhaseA[index] === null ? 'unlimited' : `${number(limit.perPhaseA[index] as number)} A`,
    boundBy: sourceName(limit.boundBy.perPhaseA[index]),
  }));
  const total = { what: 'Total', value: limit.totalW === null ? 'unlimited' : `${number(limit.totalW / 1000)} kW`, boundBy: sourceName(limit.boundBy.totalW) };
  return [...phaseRows, total];
}

/** Sources as people say them: `node` is the node's own default limit from the topology. */
export function sourceName(source: string | null): string {
  if (source === null) return '—';
  if (source === 'node') return 'node default';
  return source;
}

/** "17:00:00 for 15 min" style text of a slot's duration. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
