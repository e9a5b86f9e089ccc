import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema } from './zod-openapi';

/** What the index names: the title and version of this process's REST API (the OpenAPI document's). */
export interface ApiIndexInfo {
  title: string;
  version: string;
}

export const API_INDEX_INFO = Symbol('API_INDEX_INFO');

const apiIndexSchema = z.object({
  title: z.string(),
  version: z.string().meta({ description: 'Version of the REST API (the OpenAPI document’s `info.version`).' }),
  links: z.object({
    self: z.string(),
    docs: z.string().meta({ description: 'Interactive documentation (Swagger UI).' }),
    openapi: z.string().meta({ description: 'The OpenAPI 3 document, JSON.' }),
    health: z.string(),
    metrics: z.string().meta({ description: 'Prometheus metrics.' }),
  }),
  authentication: z.string(),
});

export type ApiIndex = z.output<typeof apiIndexSchema>;

/**
 * `GET /api`: where a newcomer lands from the start-up banner. Open like the OpenAPI document (it
 * reveals no data), it says where the documentation is and how to authenticate. Links are paths,
 * so they hold behind a proxy that changes the host.
 */
@ApiTags('index')
@Controller()
export class ApiIndexController {
  constructor(@Inject(API_INDEX_INFO) private readonly info: ApiIndexInfo) {}

  @Get()
  @ApiOperation({ summary: 'Index of the REST API', description: 'Title, version and links to the documentation; needs no token.' })
  @ApiOkResponse({ description: 'The index.', schema: openApiSchema(apiIndexSchema, 'output') })
  index(): ApiIndex {
    return {
      title: this.info.title,
      version: this.info.version,
      links: { self: '/api', docs: '/api/docs', openapi: '/api/docs/openapi.json', health: '/health/ready', metrics: '/metrics' },
      authentication:
        'Every other /api endpoint needs "Authorization: Bearer <token>" with a token from API_TOKENS_FILE (embedded mode: the admin token in <EMBEDDED_DATA_DIR>/admin-token); roles: viewer < operator < admin, and grid-operator (the limits of the sites granted to the token, nothing else).',
    };
  }
}
