import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InternalApiGuard } from './internal-api.guard';

export const INTERNAL_API_AUTH = 'internal-token';

/** Marks a controller as internal: bearer-token only, hidden when no token is configured. */
export function InternalApi(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(InternalApiGuard),
    ApiTags('internal'),
    ApiBearerAuth(INTERNAL_API_AUTH),
    ApiUnauthorizedResponse({ description: 'Missing or wrong internal API token.' }),
    ApiNotFoundResponse({ description: 'Internal API disabled (no INTERNAL_API_TOKEN configured).' }),
  );
}
