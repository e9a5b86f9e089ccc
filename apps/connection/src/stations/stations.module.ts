import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationRepository } from './station.repository';

@Module({
  imports: [ConnectionPersistenceModule],
  providers: [StationRepository],
  exports: [StationRepository],
})
export class StationsModule {}
