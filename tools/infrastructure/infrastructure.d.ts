export function startPostgres(runName: string): Promise<{ adminUrl: string; runDir?: string }>;
export function startKafka(runName: string): { brokers: string; runDir?: string };
export function stopKafka(runDir: string | undefined): void;
export function stopPostgres(runDir: string | undefined): void;
