import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { INTERNAL_API_AUTH } from '../internal-api/internal-api.decorator';
import type { ServiceDefinition } from './service-definition';

export function mountOpenApi(app: INestApplication, services: ServiceDefinition[]): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(services.map((service) => service.title).join(' + '))
      .setDescription('REST API of the CSMS. Operational endpoints (/health, /metrics) sit outside /api.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INTERNAL_API_TOKEN' }, INTERNAL_API_AUTH)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
