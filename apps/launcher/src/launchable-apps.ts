import type { ServiceName } from '@app/config';
import type { ServiceSchema } from '@app/persistence';
import { runServices } from '@app/runtime';
import type { AppName } from './launch-command';

// Each app's code is loaded only when that app is asked for: a connection pod never loads the
// PKI's or smart charging's modules (memory, start-up time).

export const serveApp: Record<AppName, () => Promise<unknown>> = {
  connection: async () => {
    const { CONNECTION_DEFAULT_HTTP_PORT, connectionService } = await import('@app/connection');
    return runServices({ defaultHttpPort: CONNECTION_DEFAULT_HTTP_PORT, embedded: false }, [connectionService]);
  },
  'smart-charging': async () => {
    const { SMART_CHARGING_DEFAULT_HTTP_PORT, smartChargingService } = await import('@app/smart-charging');
    return runServices({ defaultHttpPort: SMART_CHARGING_DEFAULT_HTTP_PORT, embedded: false }, [smartChargingService]);
  },
  pki: async () => {
    const { PKI_DEFAULT_HTTP_PORT, pkiService } = await import('@app/pki');
    return runServices({ defaultHttpPort: PKI_DEFAULT_HTTP_PORT, embedded: false }, [pkiService]);
  },
  embedded: async () => (await import('@app/embedded')).runEmbedded(),
};

/** The schema (entities and migrations) each service owns. */
export const serviceSchema: Record<ServiceName, () => Promise<ServiceSchema>> = {
  connection: async () => (await import('@app/connection')).connectionSchema,
  'smart-charging': async () => (await import('@app/smart-charging')).smartChargingSchema,
  pki: async () => (await import('@app/pki')).pkiSchema,
};
