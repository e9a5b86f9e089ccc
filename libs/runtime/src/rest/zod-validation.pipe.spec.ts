import { z } from 'zod';
import { Problem } from './problem';
import { ZodValidationPipe } from './zod-validation.pipe';

const body = z.strictObject({ type: z.enum(['hard', 'soft']).default('soft'), profile: z.object({ periods: z.array(z.object({ limit: z.number().min(0) })) }).optional() });

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(body, 'body');

  it('hands the parsed value on, a missing body counting as {}', () => {
    expect(pipe.transform({ type: 'hard' })).toEqual({ type: 'hard' });
    expect(pipe.transform(undefined)).toEqual({ type: 'soft' });
  });

  it('answers 400 naming the field, however deep', () => {
    const problem = problemOf(() => pipe.transform({ profile: { periods: [{ limit: 5 }, { limit: -1 }] } }));
    expect(problem.init).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(problem.init.detail).toMatch(/^body\.profile\.periods\[1\]\.limit: /);
  });

  it('refuses unknown fields by name', () => {
    const problem = problemOf(() => pipe.transform({ type: 'soft', force: true }));
    expect(problem.init.detail).toBe('body.force: unknown field');
    expect(problem.init.extensions).toEqual({ errors: [{ field: 'body.force', message: 'unknown field' }] });
  });

  it('names a path parameter by its location', () => {
    const problem = problemOf(() => new ZodValidationPipe(z.string().max(3), 'path.id').transform('toolong'));
    expect(problem.init.detail).toMatch(/^path\.id: /);
  });
});
