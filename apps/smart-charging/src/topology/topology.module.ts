import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LimitsModule } from '../limits/limits.module';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { NodesController } from './nodes.controller';
import { NodesService } from './nodes.service';
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';
import { StationNodesController } from './station-nodes.controller';
import { StationNodesService } from './station-nodes.service';
import { TopologyRepository } from './topology.repository';
import { TopologyWriter } from './topology.writer';

/** Every controller of this capability, for the role-matrix spec and the module. */
export const topologyControllers = [SitesController, NodesController, StationNodesController];

/** Site topology: a tree of nodes per site (site → feeders/cabinets/transformers → chargers → EVSEs), its REST API and repository. */
@Module({
  imports: [SmartChargingPersistenceModule, AuditModule, LimitsModule],
  controllers: topologyControllers,
  providers: [TopologyRepository, TopologyWriter, SitesService, NodesService, StationNodesService],
  exports: [SitesService, NodesService, StationNodesService, TopologyRepository],
})
export class TopologyModule {}
