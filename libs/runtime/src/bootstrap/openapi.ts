import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { describeRequiredRoles } from '../auth/openapi-roles';
import { API_TOKEN_AUTH } from '../auth/require-role.decorator';
import { INTERNAL_API_AUTH } from '../internal-api/internal-api.decorator';
import type { ServiceDefinition } from './service-definition';

export function mountOpenApi(app: INestApplication, services: ServiceDefinition[]): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(services.map((service) => service.title).join(' + '))
      .setDescription('REST API of the CSMS. Operational endpoints (/health, /metrics) sit outside /api.')
      .setVersion('1')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'An API token from API_TOKENS_FILE (embedded mode: the one in <EMBEDDED_DATA_DIR>/admin-token). Roles: viewer < operator < admin.' },
        API_TOKEN_AUTH,
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INTERNAL_API_TOKEN' }, INTERNAL_API_AUTH)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, describeRequiredRoles(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
}
