import { ApiProblems, ApiZodBody, ApiZodResponse, InternalApi, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { GatewayServerCertificatesService } from './gateway-server-certificates.service';

const signServerCsrBody = z.strictObject({
  csrPem: z.string().min(1).max(10_000).meta({ description: 'PEM PKCS#10 of a key the gateway generated: RSA ≥ 2048 bits or EC P-256/P-384.' }),
  names: z.array(z.string().min(1).max(253)).min(1).max(20).meta({ description: 'Host names / IPv4 addresses for subjectAltName; each must be in PKI_GATEWAY_SERVER_NAMES. The first is the CN.' }),
});
type SignServerCsrBody = z.output<typeof signServerCsrBody>;

const issuedSchema = z.object({
  serialNumber: z.string().meta({ description: 'Lower-case hex.' }),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  certificateChainPem: z.string().meta({ description: 'The server certificate, then the issuing station sub-CA.' }),
});

/** The gateway's server certificates (RSA and ECDSA), service to service (INTERNAL_API_TOKEN). */
@InternalApi()
@Controller('internal/pki/gateway-server-certificates')
export class GatewayServerCertificatesController {
  constructor(private readonly certificates: GatewayServerCertificatesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Sign a CSR for the gateway's TLS server key with the active station sub-CA." })
  @ApiZodBody(signServerCsrBody)
  @ApiZodResponse(201, issuedSchema, 'The issued certificate and its chain.')
  @ApiProblems({ 400: 'The body is invalid.', 422: 'The CSR or a name is refused by the policy.', 503: 'No allow-list (PKI_GATEWAY_SERVER_NAMES) or no active station sub-CA.' })
  async sign(@Body(new ZodValidationPipe(signServerCsrBody, 'body')) body: SignServerCsrBody) {
    const issued = await this.certificates.issue(body.csrPem, body.names);
    return { ...issued, notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString() };
  }
}
