import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { SUPPORTED_SUBPROTOCOLS } from '../gateway/subprotocol';

/**
 * Boot, heartbeat and status for both versions: what a station needs to come
 * online. The station core (registry decisions, events) builds on these.
 */
@Injectable()
export class ProvisioningHandlers implements OnModuleInit {
  private readonly heartbeatIntervalSeconds: number;

  constructor(
    private readonly registry: CallHandlerRegistry,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.heartbeatIntervalSeconds = config.gateway.heartbeatIntervalSeconds;
  }

  onModuleInit(): void {
    for (const protocol of SUPPORTED_SUBPROTOCOLS) {
      this.registry.register(protocol, 'BootNotification', async () => ({
        status: 'Accepted',
        currentTime: new Date().toISOString(),
        interval: this.heartbeatIntervalSeconds,
      }));
      this.registry.register(protocol, 'Heartbeat', async () => ({ currentTime: new Date().toISOString() }));
      this.registry.register(protocol, 'StatusNotification', async () => ({}));
    }
  }
}
