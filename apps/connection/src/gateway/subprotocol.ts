/** The OCPP versions we speak, newest first: the order in which we prefer them. */
export const SUPPORTED_SUBPROTOCOLS = ['ocpp2.0.1', 'ocpp1.6'] as const;

export type OcppSubprotocol = (typeof SUPPORTED_SUBPROTOCOLS)[number];

/** The newest version both sides support, or undefined when the station offers none of ours. */
export function negotiateSubprotocol(header: string | undefined): OcppSubprotocol | undefined {
  const offered = new Set(
    (header ?? '')
      .split(',')
      .map((protocol) => protocol.trim().toLowerCase())
      .filter(Boolean),
  );
  return SUPPORTED_SUBPROTOCOLS.find((protocol) => offered.has(protocol));
}
