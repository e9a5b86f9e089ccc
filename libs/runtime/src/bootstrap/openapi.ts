import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { describeRequiredRoles } from '../auth/openapi-roles';
import { API_TOKEN_AUTH, OIDC_AUTH } from '../auth/require-role.decorator';
import { INTERNAL_API_AUTH } from '../internal-api/internal-api.decorator';
import { hoistSchemaDefinitions } from '../rest/openapi-definitions';
import type { ServiceDefinition } from './service-definition';

/** Version of the REST API: the OpenAPI document's `info.version`, and the index's at /api. */
export const REST_API_VERSION = '1';

/** The REST API's title: the services the process runs. */
export function restApiTitle(services: ServiceDefinition[]): string {
  return services.map((service) => service.title).join(' + ');
}

export function mountOpenApi(app: INestApplication, services: ServiceDefinition[]): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(restApiTitle(services))
      .setDescription('REST API of the CSMS. Operational endpoints (/health, /metrics) sit outside /api.')
      .setVersion(REST_API_VERSION)
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'opaque',
          description:
            'An API token from API_TOKENS_FILE (embedded mode: the one in <EMBEDDED_DATA_DIR>/admin-token). Roles: viewer; operator and security-officer (each also a viewer, neither includes the other); admin (everything). grid-operator tokens reach only the limits of the sites granted to them (x-required-role `…|grid-operator`).',
        },
        API_TOKEN_AUTH,
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An OIDC access token (signed JWT) from the identity provider OIDC_ISSUER names, for OIDC_AUDIENCE; its roles, sites and tenant come from the claims OIDC_ROLES_CLAIM, OIDC_SITES_CLAIM and OIDC_TENANT_CLAIM. A refused token is 401 with WWW-Authenticate error="invalid_token" and the reason; 503 while the provider’s signing keys cannot be fetched. Without OIDC_ISSUER every bearer token is checked as an API token.',
        },
        OIDC_AUTH,
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INTERNAL_API_TOKEN' }, INTERNAL_API_AUTH)
      // OSCP 2.0 has its own scheme: `Authorization: Token <token>`, a token per Capacity Provider.
      .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'OSCP 2.0: `Token <token>`, the token given to the Capacity Provider.' }, 'oscp-token')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, describeRequiredRoles(hoistSchemaDefinitions(document)), { jsonDocumentUrl: 'api/docs/openapi.json' });
}
