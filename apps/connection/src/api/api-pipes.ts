import { ZodValidationPipe } from '@app/runtime';
import { stationIdSchema } from './api-schemas';

/** Validates the `{id}` of /stations/{id}/... routes. */
export const stationIdPipe = new ZodValidationPipe(stationIdSchema, 'path.id');
