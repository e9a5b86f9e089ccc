import { type AuditResource, AuditTrailModule } from '@app/runtime';
import { mutationAuditStoreOf } from '@app/persistence';
import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { operatorApiControllers } from '../api/api.module';
import { IdTokenStoreRepository } from '../api/id-tokens/id-token-store.repository';
import { IdTokensController } from '../api/id-tokens/id-tokens.controller';
import { StationPasswordController } from '../api/stations/station-password.controller';
import { StationReadRepository } from '../api/stations/station-read.repository';
import { StationsController } from '../api/stations/stations.controller';
import { IdTokenSnapshot, StationRegistrationSnapshot } from './connection-audit.snapshots';

/** The resources of the operator API whose state entries show; every other mutating route is named by its path. */
export const connectionAuditResources: readonly AuditResource[] = [
  { controller: StationsController, type: 'stations', idParam: 'id', snapshot: StationRegistrationSnapshot },
  { controller: StationPasswordController, type: 'stations', idParam: 'id', snapshot: StationRegistrationSnapshot },
  { controller: IdTokensController, type: 'id-tokens', idParam: 'value', snapshot: IdTokenSnapshot },
];

/** The audit of every change made through the operator REST API, at GET /api/audit/connection (docs/adr/038-audit-log.md). */
@Module({
  imports: [
    AuditTrailModule.forService({
      service: 'connection',
      controllers: operatorApiControllers,
      resources: connectionAuditResources,
      readRole: 'admin',
      imports: [ConnectionPersistenceModule],
      store: mutationAuditStoreOf(CONNECTION_SCHEMA),
      providers: [StationReadRepository, IdTokenStoreRepository, StationRegistrationSnapshot, IdTokenSnapshot],
    }),
  ],
})
export class ConnectionAuditModule {}
