import type { StateChange } from './state-changes';

/** Who made a change, as the credential presented said: never the credential itself. */
export interface AuditActor {
  name: string;
  roles: string[];
  tenant: string | null;
  /** How the caller authenticated (`api-token`, ...). */
  credential: string;
}

/** A mutating request as written before its handler runs (the entry exists even if the process dies during the change). */
export interface MutationAttempt {
  actor: AuditActor;
  /** `POST`, `PUT`, `PATCH`, `DELETE`. */
  method: string;
  /** The route template under /api, e.g. `/stations/:id/password`. */
  route: string;
  /** The OpenAPI operation: `<Controller>_<handler>`. */
  action: string;
  pathParams: Record<string, string>;
  resourceType: string;
  resourceId: string | null;
  /** The request body with its secrets redacted. */
  body: unknown;
  before: unknown;
}

/** How a mutating request ended: its HTTP status and, when it succeeded, the state after. */
export interface MutationOutcome {
  status: number;
  resourceId: string | null;
  after: unknown;
  changes: StateChange[];
}

/** One entry as stored and read back. `status` null: the request began and its outcome was never written (the process stopped). */
export interface MutationAuditEntry extends MutationAttempt {
  id: string;
  at: Date;
  completedAt: Date | null;
  status: number | null;
  after: unknown;
  changes: StateChange[] | null;
}

export interface MutationAuditFilter {
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Only this tenant's entries (a tenant principal reads); undefined: every entry. */
  tenant?: string;
  /** Keyset: the id of the last entry of the previous page. */
  beforeId?: string;
  limit: number;
}

/** Where a service keeps its audit of mutations (its own schema). */
export interface MutationAuditStore {
  /** Writes the attempt and answers its id; a failure refuses the request (fail closed). */
  begin(attempt: MutationAttempt): Promise<string>;
  complete(id: string, outcome: MutationOutcome): Promise<void>;
  /** A refused attempt (403), written whole at once. */
  recordRefused(attempt: MutationAttempt, status: number): Promise<void>;
  list(filter: MutationAuditFilter): Promise<MutationAuditEntry[]>;
}

export const MUTATION_AUDIT_STORE = Symbol('MUTATION_AUDIT_STORE');
