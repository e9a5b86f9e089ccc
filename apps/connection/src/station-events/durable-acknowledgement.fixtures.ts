import type { RuntimeConfig } from '@app/config';
import { MetricsRegistry } from '@app/observability';
import { DurableAcknowledgement } from './durable-acknowledgement';
import type { StationEventEmitter } from './station-event.emitter';

/** A real DurableAcknowledgement for handler specs: database writes only, no bus. */
export function durableAcknowledgementFixture(): DurableAcknowledgement {
  const config = { stationCore: { durableAckTimeoutMs: 1000 } } as RuntimeConfig;
  return new DurableAcknowledgement(config, {} as StationEventEmitter, new MetricsRegistry());
}
