import { type Allocation, type AllocationNode, type FixedLoad, type LimitSchedule, allocate, effectiveLimit, lowestLimit, nextBoundary } from '../allocation';
import type { SessionInputs } from './session-inputs';
import type { SiteSnapshot } from './site-snapshot';

/** Far enough to stand for "from then on" in a limit window. */
const FOREVER_MS = 366 * 24 * 3600 * 1000;

export interface TimelineStep {
  at: number;
  /** The tree with each node's limit from `at` until the next step (the last step: from `at` on, forever). */
  nodes: AllocationNode[];
  allocation: Allocation;
}

export interface TimelineOptions {
  now: number;
  /** How far ahead profiles follow the known limit slots. */
  horizonMs: number;
  /** Most steps (the most periods any station of the site takes). */
  maxSteps: number;
}

function allSchedules(site: SiteSnapshot): LimitSchedule[] {
  return [...site.schedules.values()].flat();
}

function nodesAt(site: SiteSnapshot, from: number, to: number | undefined): AllocationNode[] {
  return site.nodes.map((node) => {
    const schedules = site.schedules.get(node.id) ?? [];
    const limit = to === undefined ? lowestLimit(node.ownLimit, schedules, from, from + FOREVER_MS) : effectiveLimit(node.ownLimit, schedules, from);
    return { id: node.id, parentId: node.parentId, limit };
  });
}

/**
 * Allocations from now on, one per slot boundary ahead (up to the horizon or `maxSteps`), for the
 * sessions as they are now. The last step is computed against the lowest limit still to come, so
 * that a profile whose last period holds it is safe for as long as a station keeps it.
 */
export function allocationTimeline(site: SiteSnapshot, inputs: SessionInputs, options: TimelineOptions): TimelineStep[] {
  const schedules = allSchedules(site);
  const instants = [options.now];
  for (let at = nextBoundary(schedules, options.now); at !== undefined && instants.length < options.maxSteps && at < options.now + options.horizonMs; at = nextBoundary(schedules, at)) {
    instants.push(at);
  }
  const sessions = inputs.sessions.map((session) => session.input);
  const fixedLoads: FixedLoad[] = inputs.fixedLoads;
  return instants.map((at, index) => {
    const last = index === instants.length - 1;
    const nodes = nodesAt(site, at, last ? undefined : at);
    const allocation = allocate({ nodes, sessions, fixedLoads, now: options.now });
    return { at, nodes, allocation };
  });
}
