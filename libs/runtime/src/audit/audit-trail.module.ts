import { type DynamicModule, type FactoryProvider, type ModuleMetadata, Module, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { documentAuditRefusal } from './audit-openapi';
import { AUDIT_TRAIL_OPTIONS, type AuditTrailOptions } from './audit-trail-options';
import { MUTATION_AUDIT_STORE, type MutationAuditStore } from './mutation-audit';
import { mutationAuditControllerFor } from './mutation-audit.controller';
import { MutationAuditInterceptor } from './mutation-audit.interceptor';
import { RefusedMutationRecorder } from './refused-mutation.recorder';

export interface AuditTrailModuleOptions extends AuditTrailOptions {
  /** Modules the store and the snapshot sources need (the service's persistence, its capabilities). */
  imports: NonNullable<ModuleMetadata['imports']>;
  /** Builds the service's store (in its own schema). */
  store: Omit<FactoryProvider<MutationAuditStore>, 'provide'>;
  /** The snapshot sources named by `resources`, and what they need that `imports` does not export. */
  providers?: readonly Type<unknown>[];
}

/** The audit trail of one service's REST API: its store, the interceptor and refusal recorder over its controllers, and GET /api/audit/<service>. */
@Module({})
export class AuditTrailModule {
  static forService(options: AuditTrailModuleOptions): DynamicModule {
    const { imports, store, providers: extra = [], ...trail } = options;
    documentAuditRefusal(trail.controllers);
    const providers: Provider[] = [
      { provide: AUDIT_TRAIL_OPTIONS, useValue: trail },
      { provide: MUTATION_AUDIT_STORE, ...store },
      ...extra,
      { provide: APP_INTERCEPTOR, useClass: MutationAuditInterceptor },
      { provide: APP_GUARD, useClass: RefusedMutationRecorder },
    ];
    return { module: AuditTrailModule, imports: [...imports], controllers: [mutationAuditControllerFor(trail.service, trail.readRole)], providers };
  }
}
