import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP.' })
  @ApiResponse({ status: 200, description: 'Alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database and messaging answer.' })
  @ApiResponse({ status: 200, description: 'Every dependency answers.' })
  @ApiResponse({ status: 503, description: 'At least one dependency does not answer; `checks` says which.' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const { ok, checks } = await this.registry.evaluate();
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
