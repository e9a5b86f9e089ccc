import { Injectable } from '@nestjs/common';

export interface ComponentHealth {
  ok: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<ComponentHealth>;

const CHECK_TIMEOUT_MS = 3000;

/** Readiness checks registered by the modules that own the dependency (database, messaging, ...). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private stopping: string | undefined;

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  /**
   * The process was told to stop (SIGTERM): not ready from now on, answered at once without
   * running the checks (which may be slow under load), so that the balancer stops sending new work.
   */
  stopServing(detail: string): void {
    this.stopping = detail;
  }

  async evaluate(): Promise<{ ok: boolean; checks: Record<string, ComponentHealth> }> {
    if (this.stopping !== undefined) return { ok: false, checks: { shutdown: { ok: false, detail: this.stopping } } };
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await withTimeout(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { ok: entries.every(([, health]) => health.ok), checks };
  }
}

async function withTimeout(check: HealthCheck): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((error: unknown) => ({ ok: false, detail: describe(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
