import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiProblems } from '../rest/zod-openapi';
import { MUTATING_METHODS } from './audit-attempt';

/** Swagger's metadata key of a handler's documented responses. */
const API_RESPONSES = 'swagger/apiResponse';

export const AUDIT_UNAVAILABLE_DESCRIPTION = 'The change was not made: its audit entry could not be written (`audit-unavailable`); retry later.';

/**
 * Documents, on every mutating route of these controllers, the 503 the audit answers when it
 * cannot write the attempt (docs/adr/038-audit-log.md). A route that documents a 503 of its own
 * keeps it, with this reason added; a second call adds nothing.
 */
export function documentAuditRefusal(controllers: readonly Type<unknown>[]): void {
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      const handler: unknown = descriptor?.value;
      if (descriptor === undefined || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      if (!MUTATING_METHODS.has(RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod])) continue;
      const documented = (Reflect.getMetadata(API_RESPONSES, handler) ?? {}) as Record<string, { description?: string }>;
      if (documented['503']?.description?.includes(AUDIT_UNAVAILABLE_DESCRIPTION)) continue;
      // Swagger merges a second description of a status into the first one.
      ApiProblems({ 503: AUDIT_UNAVAILABLE_DESCRIPTION })(prototype, name, descriptor);
    }
  }
}
