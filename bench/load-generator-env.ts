/**
 * What every benchmark gives the gateway it measures: a load generator is one host opening
 * thousands of sockets at once, which the per-address abuse limits (ADR 040) are there to refuse.
 * They guard against attackers, not the capacity measured here, so the benchmarks switch them off.
 */
export const LOAD_GENERATOR_ENV: Readonly<Record<string, string>> = {
  OCPP_CONNECT_RATE_PER_ADDRESS: '0',
  OCPP_MAX_PENDING_HANDSHAKES_PER_ADDRESS: '100000',
};
