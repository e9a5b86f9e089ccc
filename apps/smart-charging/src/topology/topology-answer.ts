import { Problem } from '@app/runtime';
import { type TopologyError, TopologyErrorCode, type TopologyResult } from './topology.error';

/** The HTTP status of each topology error: the one place where its codes meet HTTP. */
export const statusOfTopologyError: Readonly<Record<TopologyErrorCode, number>> = {
  [TopologyErrorCode.siteNotFound]: 404,
  [TopologyErrorCode.nodeNotFound]: 404,
  [TopologyErrorCode.siteExists]: 409,
  [TopologyErrorCode.nodeExists]: 409,
  [TopologyErrorCode.stationAssigned]: 409,
  [TopologyErrorCode.stationNotFound]: 422,
  [TopologyErrorCode.evseExists]: 409,
  [TopologyErrorCode.invalidTopology]: 400,
  [TopologyErrorCode.versionConflict]: 409,
  [TopologyErrorCode.nodeHasChildren]: 409,
  [TopologyErrorCode.siteRoot]: 409,
};

export function topologyProblemOf(error: TopologyError): Problem {
  return new Problem({ status: statusOfTopologyError[error.code], code: error.code, detail: error.message, extensions: error.details });
}

/** The value of a use case's result, or its error as a problem answer. */
export function topologyAnswer<T>(result: TopologyResult<T>): T {
  if (result.ok) return result.value;
  throw topologyProblemOf(result.error);
}
