import { TopologyError, TopologyErrorCode, type TopologyResult } from './topology.error';

const byConstraint: Readonly<Record<string, [TopologyErrorCode, string]>> = {
  site_pkey: [TopologyErrorCode.siteExists, 'the site exists already'],
  node_pkey: [TopologyErrorCode.nodeExists, 'the site has a node with this id already'],
  node_station_key: [TopologyErrorCode.stationAssigned, 'the station is the charger of another node already'],
  node_evse_key: [TopologyErrorCode.evseExists, 'the charger has an EVSE with this id already'],
  node_no_cycle: [TopologyErrorCode.invalidTopology, 'a node cannot move under its own descendants'],
};

function constraintOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { constraint, driverError } = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = constraint ?? driverError?.constraint;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The topology error a refused constraint means, for the races the service's own checks cannot
 * close (two sites claiming one station at once); undefined for any other error.
 */
export function topologyErrorOfViolation(error: unknown): TopologyError | undefined {
  const constraint = constraintOf(error);
  const known = constraint === undefined ? undefined : byConstraint[constraint];
  return known && new TopologyError(known[0], known[1], { constraint });
}

/** A race lost to another writer, caught by a constraint, as an error value; anything else is thrown on. */
export async function withViolationsAsErrors<T>(work: () => Promise<TopologyResult<T>>): Promise<TopologyResult<T>> {
  try {
    return await work();
  } catch (error) {
    const violation = topologyErrorOfViolation(error);
    if (violation === undefined) throw error;
    return { ok: false, error: violation };
  }
}
