export type DeadlineOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' } | { ok: false; reason: 'failed'; error: unknown };

/** How `work` settled within `ms`: its value, its error, or a timeout (the work itself goes on). */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<DeadlineOutcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DeadlineOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), ms);
  });
  const settled = work.then(
    (value): DeadlineOutcome<T> => ({ ok: true, value }),
    (error: unknown): DeadlineOutcome<T> => ({ ok: false, reason: 'failed', error }),
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
