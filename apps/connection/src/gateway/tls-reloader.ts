import { statSync } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import type { TlsConfig } from '@app/config';
import type { Logger } from 'pino';
import { gatewayTlsOptions } from './tls-options';

/**
 * Reloads the wss:// certificates, CA bundle and CRL when their files change,
 * without dropping connections: a renewed server certificate or a fresh CRL
 * (they expire at nextUpdate) takes effect for the next handshakes.
 */
export function reloadTlsOnChange(server: HttpsServer, config: TlsConfig, logger: Logger): { timer: NodeJS.Timeout; check: () => void } {
  const files = [...config.certFiles, ...config.keyFiles, config.caFile, config.crlFile].filter((file): file is string => file !== undefined);
  let stamp = stampOf(files);
  const check = () => {
    const current = stampOf(files);
    if (current === stamp) return;
    try {
      server.setSecureContext(gatewayTlsOptions(config));
      stamp = current;
      logger.info({ files }, 'reloaded TLS certificates, CA bundle and CRL');
    } catch (error) {
      // Keep serving with the previous material; try again at the next tick.
      logger.error({ err: error, files }, 'could not reload TLS material; still using the previous one');
    }
  };
  const timer = setInterval(check, config.reloadIntervalMs);
  timer.unref();
  return { timer, check };
}

function stampOf(files: string[]): string {
  return files
    .map((file) => {
      try {
        const { mtimeMs, size } = statSync(file);
        return `${mtimeMs}:${size}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}
