import { Problem, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CrlPublisher } from './crl.publisher';
import { OcspRequestError, ocspRequestOfGetPath } from './ocsp-request.reader';
import { ocspErrorResponse } from './ocsp.responder';
import { OcspService } from './ocsp.service';
import { revocationAnswer } from './revocation.error';

export const CRL_CONTENT_TYPE = 'application/pkix-crl';
export const OCSP_REQUEST_TYPE = 'application/ocsp-request';
export const OCSP_RESPONSE_TYPE = 'application/ocsp-response';
/** An OCSP request for a few certificates is a few hundred octets; anything far larger is not one. */
const MAX_OCSP_REQUEST_OCTETS = 16 * 1024;

// PostgreSQL text cannot hold U+0000: such an id is refused here (400), not by the database (500).
const caIdParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\u0000]*$/, 'must not contain U+0000');

/**
 * The revocation status of what our CAs issue, for anyone who relies on it: the CRLs and the OCSP
 * responder (RFC 6960 Appendix A, POST and GET). Public by nature, so behind no token: the CRL is
 * signed and each OCSP answer too, and neither tells more than a certificate's status.
 */
@ApiTags('revocation status (public)')
@Controller()
export class RevocationStatusController {
  constructor(
    private readonly crls: CrlPublisher,
    private readonly ocsp: OcspService,
  ) {}

  @Get('crls/:caId')
  @ApiOperation({
    summary: 'The CRL of a CA',
    description: 'The current X.509 v2 CRL of the CA, DER. Renewed at once when a certificate of the CA is revoked, and every 12 hours (valid 24 hours). No authentication.',
  })
  @ApiParam({ name: 'caId', description: 'Id of the CA.' })
  @ApiProduces(CRL_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The CRL (DER).', content: { [CRL_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async crl(@Param('caId', new ZodValidationPipe(caIdParam, 'path.caId')) caId: string, @Res() response: Response): Promise<void> {
    const crl = await revocationAnswer(this.crls.crlOf(caId));
    response
      .status(200)
      .type(CRL_CONTENT_TYPE)
      .set({ 'Last-Modified': crl.thisUpdate.toUTCString(), Expires: crl.nextUpdate.toUTCString(), 'Cache-Control': 'no-cache' })
      .send(crl.der);
  }

  @Post('ocsp')
  @ApiOperation({
    summary: 'OCSP (POST)',
    description:
      'RFC 6960 OCSP responder for the certificates our CAs issue: a DER OCSPRequest in, a DER OCSPResponse out (HTTP 200 whatever its status: malformedRequest, unauthorized for a CA not ours). Signed by the issuing CA. No authentication.',
  })
  @ApiConsumes(OCSP_REQUEST_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiProduces(OCSP_RESPONSE_TYPE)
  @ApiOkResponse({ description: 'The OCSPResponse (DER).', content: { [OCSP_RESPONSE_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async ocspPost(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== OCSP_REQUEST_TYPE) {
      throw new Problem({ status: 415, code: 'unsupported-media-type', detail: `an OCSP request is sent with Content-Type: ${OCSP_REQUEST_TYPE}`, extensions: { supportedContentTypes: [OCSP_REQUEST_TYPE] } });
    }
    const answer = await this.ocsp.answer(await requestBody(request));
    response.status(200).type(OCSP_RESPONSE_TYPE).send(answer.response);
  }

  @Get('ocsp/*request')
  @ApiOperation({ summary: 'OCSP (GET)', description: 'As the POST, with the request as URL-encoded base64 of its DER after /ocsp/ (RFC 6960 Appendix A.1).' })
  @ApiParam({ name: 'request', description: 'URL-encoded base64 of the DER OCSPRequest.' })
  @ApiProduces(OCSP_RESPONSE_TYPE)
  @ApiOkResponse({ description: 'The OCSPResponse (DER).', content: { [OCSP_RESPONSE_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async ocspGet(@Req() request: Request, @Res() response: Response): Promise<void> {
    // The raw path, not the router's decoded segments: base64 carries '/', '+' and '='.
    const path = request.originalUrl.split('?')[0] ?? '';
    const segment = path.slice(path.indexOf('/ocsp/') + '/ocsp/'.length);
    let der: Buffer;
    try {
      der = ocspRequestOfGetPath(segment);
    } catch (error) {
      if (!(error instanceof OcspRequestError)) throw error;
      response.status(200).type(OCSP_RESPONSE_TYPE).send(ocspErrorResponse('malformedRequest'));
      return;
    }
    const answer = await this.ocsp.answer(der);
    response.status(200).type(OCSP_RESPONSE_TYPE).send(answer.response);
  }
}

/** The raw body: neither of the app's parsers (JSON, form) reads application/ocsp-request. */
async function requestBody(request: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_OCSP_REQUEST_OCTETS) throw new Problem({ status: 413, code: 'payload-too-large', detail: `an OCSP request is at most ${MAX_OCSP_REQUEST_OCTETS} octets` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
