import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { RoutingModule } from '../routing/routing.module';
import { StationsModule } from '../stations/stations.module';
import { LocalListCommandObserver } from './local-list.observer';
import { LocalListReconciler } from './local-list.reconciler';
import { LocalListRepository } from './local-list.repository';
import { LocalListSync } from './local-list.sync';

/** Local authorization lists kept by the CSMS per station: synchronisation and reconciliation after (re)connect (ADR 029). */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, RoutingModule, StationsModule, CommandObserversModule],
  providers: [LocalListRepository, LocalListSync, LocalListReconciler, LocalListCommandObserver],
  exports: [LocalListRepository, LocalListSync, LocalListReconciler],
})
export class LocalListsModule {}
