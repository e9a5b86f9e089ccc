import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { RoutingModule } from '../routing/routing.module';
import { StationsModule } from '../stations/stations.module';
import { LocalListReconciler } from './local-list.reconciler';
import { LocalListRepository } from './local-list.repository';
import { LocalListSync } from './local-list.sync';

/** Local authorization lists kept by the CSMS per station: synchronisation and reconciliation after (re)connect (ADR 029). */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, RoutingModule, StationsModule],
  providers: [LocalListRepository, LocalListSync, LocalListReconciler],
  exports: [LocalListRepository, LocalListSync, LocalListReconciler],
})
export class LocalListsModule {}
