import { type ApiPrincipal, ApiTokenAuth, CurrentPrincipal, RequireRole } from '@app/runtime';
import { Body, Controller, Param } from '@nestjs/common';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import type { CommandAnswer } from './command-answer';
import { CommandEndpoint } from './command-endpoint.decorator';
import { type PreparedCommand, commandPipe } from './command-request.pipe';
import { StationCommandsService } from './station-commands.service';

/**
 * One endpoint per station command: POST /api/stations/{id}/commands/{name}, each answering with
 * the station's answer. Bodies, docs and the mapping to neutral commands come from the command
 * catalogue (command-catalogue.ts); each method only names its command and role.
 */
@ApiTokenAuth('commands')
@Controller('stations')
export class StationCommandsController {
  constructor(private readonly commands: StationCommandsService) {}

  @CommandEndpoint('remote-start')
  @RequireRole('operator')
  remoteStart(@Param('id', stationIdPipe) id: string, @Body(commandPipe('remote-start')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('remote-stop')
  @RequireRole('operator')
  remoteStop(@Param('id', stationIdPipe) id: string, @Body(commandPipe('remote-stop')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('reset')
  @RequireRole('operator')
  reset(@Param('id', stationIdPipe) id: string, @Body(commandPipe('reset')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('unlock-connector')
  @RequireRole('operator')
  unlockConnector(@Param('id', stationIdPipe) id: string, @Body(commandPipe('unlock-connector')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('change-availability')
  @RequireRole('operator')
  changeAvailability(@Param('id', stationIdPipe) id: string, @Body(commandPipe('change-availability')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('trigger-message')
  @RequireRole('operator')
  triggerMessage(@Param('id', stationIdPipe) id: string, @Body(commandPipe('trigger-message')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-configuration')
  @RequireRole('operator')
  getConfiguration(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-configuration')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('set-configuration')
  @RequireRole('admin')
  setConfiguration(@Param('id', stationIdPipe) id: string, @Body(commandPipe('set-configuration')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('set-charging-profile')
  @RequireRole('operator')
  setChargingProfile(@Param('id', stationIdPipe) id: string, @Body(commandPipe('set-charging-profile')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('clear-charging-profile')
  @RequireRole('operator')
  clearChargingProfile(@Param('id', stationIdPipe) id: string, @Body(commandPipe('clear-charging-profile')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-charging-profiles')
  @RequireRole('operator')
  getChargingProfiles(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-charging-profiles')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-transaction-status')
  @RequireRole('operator')
  getTransactionStatus(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-transaction-status')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('cost-updated')
  @RequireRole('operator')
  costUpdated(@Param('id', stationIdPipe) id: string, @Body(commandPipe('cost-updated')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-composite-schedule')
  @RequireRole('operator')
  getCompositeSchedule(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-composite-schedule')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('clear-cache')
  @RequireRole('operator')
  clearCache(@Param('id', stationIdPipe) id: string, @Body(commandPipe('clear-cache')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('update-firmware')
  @RequireRole('admin')
  updateFirmware(@Param('id', stationIdPipe) id: string, @Body(commandPipe('update-firmware')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-log')
  @RequireRole('operator')
  getLog(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-log')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('certificate-signed')
  @RequireRole('admin')
  certificateSigned(@Param('id', stationIdPipe) id: string, @Body(commandPipe('certificate-signed')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('install-certificate')
  @RequireRole('admin')
  installCertificate(@Param('id', stationIdPipe) id: string, @Body(commandPipe('install-certificate')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('delete-certificate')
  @RequireRole('admin')
  deleteCertificate(@Param('id', stationIdPipe) id: string, @Body(commandPipe('delete-certificate')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-installed-certificate-ids')
  @RequireRole('operator')
  getInstalledCertificateIds(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-installed-certificate-ids')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('data-transfer')
  @RequireRole('operator')
  dataTransfer(@Param('id', stationIdPipe) id: string, @Body(commandPipe('data-transfer')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('send-local-list')
  @RequireRole('operator')
  sendLocalList(@Param('id', stationIdPipe) id: string, @Body(commandPipe('send-local-list')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('get-local-list-version')
  @RequireRole('operator')
  getLocalListVersion(@Param('id', stationIdPipe) id: string, @Body(commandPipe('get-local-list-version')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  @CommandEndpoint('raw')
  @RequireRole('admin')
  raw(@Param('id', stationIdPipe) id: string, @Body(commandPipe('raw')) command: PreparedCommand, @CurrentPrincipal() actor?: ApiPrincipal) {
    return this.send(id, command, actor);
  }

  private async send(stationId: string, command: PreparedCommand, actor: ApiPrincipal | undefined): Promise<CommandAnswer> {
    return answer(await this.commands.send(stationId, command, actor));
  }
}
