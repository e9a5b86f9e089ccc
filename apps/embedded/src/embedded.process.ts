import type { GatewayConfig } from '@app/config';
import { connectionService } from '@app/connection';
import { pkiService } from '@app/pki';
import { runServices } from '@app/runtime';
import { smartChargingService } from '@app/smart-charging';

/**
 * `npm start`: all three services in one process. Without KAFKA_BROKERS and
 * DATABASE_URL it needs nothing installed: an in-process bus and an embedded
 * PostgreSQL-compatible store under EMBEDDED_DATA_DIR.
 */
function ocppUrls(gateway: GatewayConfig): string[] {
  const urls = gateway.wsPort === undefined ? [] : [`ws://localhost:${gateway.wsPort}/ocpp/{stationId}`];
  return gateway.tls ? [...urls, `wss://localhost:${gateway.tls.port}/ocpp/{stationId}`] : urls;
}

/** Starts all three services in this process and prints where to reach them. */
export async function runEmbedded(): Promise<void> {
  const { config, urls, apiTokens } = await runServices({ defaultHttpPort: 3000, embedded: true }, [connectionService, smartChargingService, pkiService]);
  const lines = [
    '',
    'CSMS is running (embedded mode: connection + smart-charging + pki in one process)',
    `  OCPP          ${ocppUrls(config.gateway).join('  and  ')}`,
    `  REST API      ${urls.api}`,
    `  API docs      ${urls.docs}`,
    ...(config.console.enabled ? [`  console       ${urls.api.replace(/\/api$/, '/console/')}`] : []),
    `  API token     ${apiTokens.adminTokenFile ? `admin token in ${apiTokens.adminTokenFile} (Authorization: Bearer <token>)` : 'from API_TOKENS_FILE'}`,
    `  readiness     ${urls.ready}`,
    `  metrics       ${urls.metrics}`,
    `  messaging     ${config.messaging.kind === 'kafka' ? `Kafka at ${config.messaging.brokers.join(',')}` : 'in-process bus'}`,
    `  database      ${config.database.kind === 'embedded' ? `embedded store in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    '',
    ...(config.gateway.unknownStations === 'accept'
      ? ['  WARNING: unknown stations are registered and accepted without credentials (OCPP_UNKNOWN_STATIONS=accept).', '']
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
