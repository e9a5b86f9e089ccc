import type { RuntimeConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { consoleHandler, consoleIsBuilt } from './console.handler';
import { OidcTokenEndpointOrigin } from './oidc-token-endpoint';

/** Mounts the operator console at /console (CONSOLE_ENABLED); warns once when it is not built, never refuses to start. */
export function mountConsole(app: NestExpressApplication, config: RuntimeConfig, logger: Logger): void {
  if (!config.console.enabled) return;
  if (!consoleIsBuilt(config.console.dir)) {
    logger.warn({ consoleDir: config.console.dir }, 'the operator console is not built (no index.html in CONSOLE_DIR): /console answers 404 until `npm run build` builds it');
  }
  // The console posts the sign-in code to the provider's token endpoint, which may lie on another origin than the issuer.
  const oidc = config.console.oidc;
  const tokenEndpoint = oidc === undefined ? undefined : new OidcTokenEndpointOrigin(oidc.issuer, logger.child({ component: 'console' }));
  app.use('/console', consoleHandler(config.console, tokenEndpoint && (() => tokenEndpoint.current())));
}
