import type { MutationAttempt, MutationAuditEntry, MutationAuditFilter, MutationAuditStore, MutationOutcome, StateChange } from '@app/runtime';
import type { DataSource } from 'typeorm';
import { pgJson } from '../batching/pg-values';
import { execute, queryRows } from '../sql/sql-rows';
import { sqlParameters, whereClause } from '../sql/sql-parameters';
import { MUTATION_AUDIT_TABLE } from './create-mutation-audit-table';

interface MutationAuditRow {
  id: string;
  at: Date;
  completed_at: Date | null;
  actor: string;
  actor_roles: string[];
  tenant: string | null;
  credential: string;
  method: string;
  route: string;
  action: string;
  path_params: Record<string, string>;
  resource_type: string;
  resource_id: string | null;
  body: unknown;
  status: number | null;
  before: unknown;
  after: unknown;
  changes: StateChange[] | null;
}

const COLUMNS = `id::text AS id, at, completed_at, actor, actor_roles, tenant, credential, method, route, action, path_params, resource_type, resource_id, body, status, before, after, changes`;

function entryOf(row: MutationAuditRow): MutationAuditEntry {
  return {
    id: row.id,
    at: new Date(row.at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
    actor: { name: row.actor, roles: row.actor_roles, tenant: row.tenant, credential: row.credential },
    method: row.method,
    route: row.route,
    action: row.action,
    pathParams: row.path_params,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    body: row.body,
    status: row.status,
    before: row.before,
    after: row.after,
    changes: row.changes,
  };
}

function attemptValues(attempt: MutationAttempt): unknown[] {
  const { actor } = attempt;
  return [
    actor.name,
    actor.roles,
    actor.tenant,
    actor.credential,
    attempt.method,
    attempt.route,
    attempt.action,
    pgJson(attempt.pathParams),
    attempt.resourceType,
    attempt.resourceId,
    pgJson(attempt.body ?? null),
    pgJson(attempt.before ?? null),
  ];
}

const ATTEMPT_COLUMNS = 'actor, actor_roles, tenant, credential, method, route, action, path_params, resource_type, resource_id, body, before';
const ATTEMPT_VALUES = `$1, $2::text[], $3, $4, $5, $6, $7, $8::jsonb, $9, $10, NULLIF($11::jsonb, 'null'), NULLIF($12::jsonb, 'null')`;

/** The audit of a service's REST API mutations, in the service's own schema. */
export class MutationAuditRepository implements MutationAuditStore {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `"${schema}"."${MUTATION_AUDIT_TABLE}"`;
  }

  async begin(attempt: MutationAttempt): Promise<string> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `INSERT INTO ${this.table} (${ATTEMPT_COLUMNS}) VALUES (${ATTEMPT_VALUES}) RETURNING id::text AS id`, attemptValues(attempt));
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the audit INSERT returned no id');
    return id;
  }

  async complete(id: string, outcome: MutationOutcome): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE ${this.table}
          SET status = $2, completed_at = now(), resource_id = COALESCE(resource_id, $3), after = NULLIF($4::jsonb, 'null'), changes = $5::jsonb
        WHERE id = $1::bigint`,
      [id, outcome.status, outcome.resourceId, pgJson(outcome.after ?? null), pgJson(outcome.changes)],
    );
  }

  async recordRefused(attempt: MutationAttempt, status: number): Promise<void> {
    await execute(this.dataSource, `INSERT INTO ${this.table} (${ATTEMPT_COLUMNS}, status, completed_at) VALUES (${ATTEMPT_VALUES}, $13, now())`, [...attemptValues(attempt), status]);
  }

  async list(filter: MutationAuditFilter): Promise<MutationAuditEntry[]> {
    const { values, bind } = sqlParameters();
    const conditions: string[] = [];
    if (filter.actor !== undefined) conditions.push(`actor = ${bind(filter.actor)}`);
    if (filter.resourceType !== undefined) conditions.push(`resource_type = ${bind(filter.resourceType)}`);
    if (filter.resourceId !== undefined) conditions.push(`resource_id = ${bind(filter.resourceId)}`);
    if (filter.action !== undefined) conditions.push(`action = ${bind(filter.action)}`);
    if (filter.from !== undefined) conditions.push(`at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`at < ${bind(filter.to)}`);
    if (filter.tenant !== undefined) conditions.push(`tenant = ${bind(filter.tenant)}`);
    if (filter.beforeId !== undefined) conditions.push(`id < ${bind(filter.beforeId)}::bigint`);
    const rows = await queryRows<MutationAuditRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${this.table} ${whereClause(conditions)} ORDER BY id DESC LIMIT ${bind(filter.limit)}`, values);
    return rows.map(entryOf);
  }
}
