import { StationCommandsModule } from '@app/station-commands';
import { Module } from '@nestjs/common';
import { AuthorizationModule } from '../authorization/authorization.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationsModule } from '../stations/stations.module';
import { CommandHistoryReadRepository } from './command-history/command-history-read.repository';
import { CommandHistoryController } from './command-history/command-history.controller';
import { CommandHistoryService } from './command-history/command-history.service';
import { StationCommandsController } from './commands/station-commands.controller';
import { StationCommandsService } from './commands/station-commands.service';
import { IdTokenStoreRepository } from './id-tokens/id-token-store.repository';
import { IdTokensController } from './id-tokens/id-tokens.controller';
import { IdTokensService } from './id-tokens/id-tokens.service';
import { LocalListsModule } from './local-lists.port';
import { LocalListsController } from './local-lists/local-lists.controller';
import { LocalListsService } from './local-lists/local-lists.service';
import { StationHistoryReadRepository } from './station-history/station-history-read.repository';
import { StationHistoryController } from './station-history/station-history.controller';
import { StationHistoryService } from './station-history/station-history.service';
import { ConnectorsController } from './stations/connectors.controller';
import { StationReadRepository } from './stations/station-read.repository';
import { StationMinimumProfileController } from './stations/station-minimum-profile.internal.controller';
import { StationRegistrationRepository } from './stations/station-registration.repository';
import { StationsController } from './stations/stations.controller';
import { StationsService } from './stations/stations.service';
import { TransactionExportRepository } from './transactions/transaction-export.repository';
import { TransactionExportService } from './transactions/transaction-export.service';
import { TransactionReadRepository } from './transactions/transaction-read.repository';
import { TransactionsController } from './transactions/transactions.controller';
import { TransactionsService } from './transactions/transactions.service';

/** Every controller of the operator REST API, for the role-matrix spec and the module. */
export const operatorApiControllers = [
  StationsController,
  ConnectorsController,
  TransactionsController,
  IdTokensController,
  StationCommandsController,
  CommandHistoryController,
  StationHistoryController,
  LocalListsController,
];

/**
 * The operator REST API (/api/stations with their history, /api/transactions, /api/id-tokens,
 * the station commands and their history), behind bearer API tokens with roles (docs/adr/008-operator-api-auth.md).
 */
@Module({
  imports: [ConnectionPersistenceModule, StationsModule, AuthorizationModule, StationCommandsModule.forService('connection'), LocalListsModule],
  controllers: [...operatorApiControllers, StationMinimumProfileController],
  providers: [
    StationReadRepository,
    StationRegistrationRepository,
    StationsService,
    TransactionReadRepository,
    TransactionsService,
    TransactionExportRepository,
    TransactionExportService,
    IdTokenStoreRepository,
    IdTokensService,
    StationCommandsService,
    CommandHistoryReadRepository,
    CommandHistoryService,
    StationHistoryReadRepository,
    StationHistoryService,
    LocalListsService,
  ],
})
export class ApiModule {}
