import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Which replica this process is: its index (the ocpp.commands partition it consumes) and an
 * incarnation of its own, so that the stations of a predecessor with the same index are never
 * taken for this process's (ADR 042).
 */
@Injectable()
export class ReplicaIdentity {
  readonly index: number;
  readonly incarnation = randomUUID();
  /** The name the station events and presence records give this replica (its pod's). */
  readonly replicaId = hostname();

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.index = config.gateway.replicaIndex;
  }
}
