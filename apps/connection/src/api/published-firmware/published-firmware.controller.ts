import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { commandAnswerSchema } from '../commands/command-answer';
import { PROBLEMS_OF_A_STATION_CALL, trackedRequestAnswerSchema } from '../commands/ocpp201-fields';
import { type PublishFirmwareBody, checksumSchema, publicationListSchema, publishFirmwareBody, unpublishFirmwareBody } from './published-firmware.schemas';
import { PublishedFirmwareService } from './published-firmware.service';

/**
 * Firmware a 2.0.1 local controller publishes to the stations behind it (OCPP L03/L04). Publishing
 * and withdrawing firmware is admin-only, like updating it: it decides what stations will run.
 */
@ApiTokenAuth('published-firmware')
@Controller('stations/:id/published-firmware')
export class PublishedFirmwareController {
  constructor(private readonly publishedFirmware: PublishedFirmwareService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List firmware publications', description: 'Each PublishFirmware and the last PublishFirmwareStatusNotification for it, newest request first.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, publicationListSchema, 'The publications.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string) {
    return answer(await this.publishedFirmware.list(id));
  }

  @Post()
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Publish firmware on a local controller',
    description: 'PublishFirmware (2.0.1): the local controller downloads the firmware, checks its MD5 checksum and publishes it; its status notifications show in the list.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(publishFirmwareBody)
  @ApiZodResponse(200, trackedRequestAnswerSchema, 'The station answered: accepted, or rejected.')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async publish(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(publishFirmwareBody, 'body')) body: PublishFirmwareBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.publishedFirmware.publish(id, body, actor));
  }

  @Delete(':checksum')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Unpublish firmware', description: 'UnpublishFirmware (2.0.1) by checksum; accepted when the station answers Unpublished (NoFirmware and DownloadOngoing are refusals).' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodParam('checksum', checksumSchema, 'MD5 checksum of the published firmware.')
  @ApiZodBody(unpublishFirmwareBody)
  @ApiZodResponse(200, commandAnswerSchema, 'The station answered.')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async unpublish(
    @Param('id', stationIdPipe) id: string,
    @Param('checksum', new ZodValidationPipe(checksumSchema, 'path.checksum')) checksum: string,
    @Body(new ZodValidationPipe(unpublishFirmwareBody, 'body')) body: { timeoutSeconds?: number } | undefined,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ) {
    return answer(await this.publishedFirmware.unpublish(id, checksum, body?.timeoutSeconds, actor));
  }
}
