import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole } from '@app/runtime';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { StationPasswordRotation, passwordRotationSchema } from './station-password.rotation';

/** A station's Basic-auth password, given by the CSMS (ADR 032). */
@ApiTokenAuth('stations')
@Controller('stations')
export class StationPasswordController {
  constructor(private readonly rotation: StationPasswordRotation) {}

  @Post(':id/rotate-password')
  @HttpCode(200)
  // Credentials decide who may connect as the station: security officers rotate them (ADR 036); operators may not.
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Give a connected station a new generated password',
    description:
      'The CSMS generates a password (at least 128 random bits), sends it to the station (2.0.1 SetVariables SecurityCtrlr.BasicAuthPassword; 1.6 ChangeConfiguration AuthorizationKey, the password bytes in hexadecimal) and, when the station answers Accepted, expects it from then on: the old password no longer connects. The password is never returned, logged or kept in clear; the command history shows it blanked.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, passwordRotationSchema, 'The station answered: `rotated` says whether it took the new password.')
  @ApiProblems({
    400: 'The station id is invalid.',
    404: 'No such station.',
    409: 'The station is not connected.',
    422: 'The setting cannot be expressed in the station’s OCPP version.',
    502: 'The station answered with a CALLERROR (`stationErrorCode`).',
    503: 'The command could not be handed to the message bus.',
    504: 'The station did not answer in time; whether it took the password is unknown, so the CSMS keeps the old one.',
  })
  async rotatePassword(@Param('id', stationIdPipe) id: string, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.rotation.rotate(id, actor));
  }
}
