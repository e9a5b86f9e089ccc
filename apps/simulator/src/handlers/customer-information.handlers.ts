import { customerInformationParts } from '../customer-data/customer-data.store';
import { isoTime } from '../dialect/station-dialect';
import type { HandlerTable } from './handler-table';

/** CustomerInformation (2.0.1 N09/N10): the report follows the answer as NotifyCustomerInformation parts. */
export const customerInformation201: HandlerTable<'2.0.1'> = {
  CustomerInformation: (request, station) => {
    const named = [request.customerIdentifier, request.idToken, request.customerCertificate].filter((name) => name !== undefined).length;
    if (named !== 1) return { status: 'Invalid', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: 'name the customer once' } };
    const text = station.customerData.request(request, request.report, request.clear);
    const parts = customerInformationParts(request.requestId, text, isoTime(station.now()));
    station.afterAnswer(async () => {
      for (const part of parts) await station.send('NotifyCustomerInformation', part);
    });
    return { status: 'Accepted' };
  },
};
