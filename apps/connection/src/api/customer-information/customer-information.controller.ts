import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { PROBLEMS_OF_A_STATION_CALL, trackedRequestAnswerSchema } from '../commands/ocpp201-fields';
import { type RequestCustomerInformationBody, customerInformationSchema, requestCustomerInformationBody, requestIdParam } from './customer-information.schemas';
import { CustomerInformationService } from './customer-information.service';

/**
 * Customer information held by 2.0.1 stations (OCPP N09/N10). The reports are personal data:
 * requesting and reading them takes the operator role, so viewer tokens (dashboards) never see
 * them; the command history blanks the customer identifier.
 */
@ApiTokenAuth('customer-information')
@Controller('stations/:id/customer-information')
export class CustomerInformationController {
  constructor(private readonly customerInformation: CustomerInformationService) {}

  @Post()
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Request or clear customer information',
    description:
      'CustomerInformation (2.0.1) as a tracked request: report and/or clear what the station holds about a customer named by exactly one of customerIdentifier, idToken or customerCertificate. The station reports in NotifyCustomerInformation parts; read the assembled document at `{requestId}`.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(requestCustomerInformationBody)
  @ApiZodResponse(200, trackedRequestAnswerSchema, 'The station answered: accepted (parts follow), or rejected (Rejected / Invalid).')
  @ApiProblems(PROBLEMS_OF_A_STATION_CALL)
  async request(
    @Param('id', stationIdPipe) id: string,
    @Body(new ZodValidationPipe(requestCustomerInformationBody, 'body')) body: RequestCustomerInformationBody,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ) {
    return answer(await this.customerInformation.request(id, body, actor));
  }

  @Get(':requestId')
  @RequireRole('operator')
  @ApiOperation({ summary: 'Read a customer-information request', description: 'The station’s answer and the document its parts make so far (personal data).' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodParam('requestId', requestIdParam, 'The requestId the request endpoint answered with.')
  @ApiZodResponse(200, customerInformationSchema, 'The request and its document.')
  @ApiProblems({ 400: 'The station id or request id is invalid.', 404: 'No such request for this station.' })
  async find(@Param('id', stationIdPipe) id: string, @Param('requestId', new ZodValidationPipe(requestIdParam, 'path.requestId')) requestId: number) {
    return answer(await this.customerInformation.find(id, requestId));
  }
}
