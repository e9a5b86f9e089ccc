/** The smart-charging paths the Sites pages read and write (relative to the service's `/api`). */
const enc = encodeURIComponent;

export const sitePaths = {
  sites: '/sites',
  site: (siteId: string) => `/sites/${enc(siteId)}`,
  nodeLimits: (siteId: string, nodeId: string) => `/sites/${enc(siteId)}/nodes/${enc(nodeId)}/limits`,
  schedule: (siteId: string, nodeId: string, source: string) => `/sites/${enc(siteId)}/nodes/${enc(nodeId)}/limits/${enc(source)}`,
  nodeHistory: (siteId: string, nodeId: string) => `/sites/${enc(siteId)}/nodes/${enc(nodeId)}/draw-history`,
  allocation: (siteId: string) => `/sites/${enc(siteId)}/allocation`,
  audit: (siteId: string) => `/sites/${enc(siteId)}/audit`,
  deviations: (siteId: string) => `/sites/${enc(siteId)}/deviations`,
  stationCharging: (stationId: string) => `/topology/stations/${enc(stationId)}/charging`,
};

/** The limit sources written through the API; the others (oscp:…, station:…, operator-profile:…) are the service's own. */
export const writableSources = ['grid-operator', 'operator'] as const;
