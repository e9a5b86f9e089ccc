import { bodyOf, fieldErrorsOfApi, formOf, localInputOf } from './limit-form';

describe('limit editor form', () => {
  it('turns a schedule into fields and back', () => {
    const schedule = { default: { perPhaseA: [80, 80, 80] as [number, number, number] }, slots: [{ start: '2026-12-06T17:00:00.000Z', durationS: 900, totalW: 40000 }] };
    const form = formOf(schedule);
    expect(form.default).toEqual({ l1: 80, l2: 80, l3: 80, totalW: '' });
    expect(form.slots[0].durationMin).toBe(15);
    expect(form.slots[0].start).toBe(localInputOf('2026-12-06T17:00:00.000Z'));
    const { body, errors } = bodyOf(form, 3);
    expect(errors).toEqual({});
    expect(body).toEqual({ ...schedule, version: 3 });
  });

  it('keeps the seconds of a slot start, so re-saving does not move it', () => {
    const schedule = { default: null, slots: [{ start: '2026-12-06T17:00:30.000Z', durationS: 61, perPhaseA: [16, 16, 16] as [number, number, number] }, { start: '2026-12-06T18:00:00.250Z', durationS: 60, totalW: 1000 }] };
    const form = formOf(schedule);
    expect(form.slots[0]?.start).toMatch(/T\d\d:\d\d:30$/);
    expect(form.slots[1]?.start).toMatch(/T\d\d:\d\d:00\.250$/);
    expect(localInputOf('2026-12-06T17:00:00.000Z')).toMatch(/T\d\d:\d\d$/);
    expect(bodyOf(form, 2).body).toEqual({ ...schedule, version: 2 });
  });

  it('leaves an empty default unlimited and points at a missing phase or a bad start', () => {
    expect(bodyOf(formOf(null), undefined)).toEqual({ body: { default: null, slots: [] }, errors: {} });
    const { errors } = bodyOf({ default: { l1: 50, l2: '', l3: 50, totalW: '' }, slots: [{ l1: '', l2: '', l3: '', totalW: 1, start: 'soon', durationMin: '' }] }, undefined);
    expect(errors).toEqual({ 'default.perPhaseA.1': 'give all three phases, or none', 'slots.0.start': 'must be a date and time', 'slots.0.durationS': 'give a duration of at least a second' });
    const empty = bodyOf({ default: { l1: '', l2: '', l3: '', totalW: '' }, slots: [{ l1: '', l2: '', l3: '', totalW: '', start: '2026-12-06T17:00', durationMin: 0 }] }, undefined);
    expect(empty.errors).toEqual({ 'slots.0': 'give a limit per phase or in total', 'slots.0.durationS': 'give a duration of at least a second' });
  });

  it('maps the API field errors to the form fields', () => {
    const mapped = fieldErrorsOfApi(['body.default.perPhaseA[1]: must not be negative', 'body.slots[0].start: overlaps slot 1', 'body.slots[0].start: again', 'path.source: bad']);
    expect(mapped.fields).toEqual({ 'default.perPhaseA.1': 'must not be negative', 'slots.0.start': 'overlaps slot 1; again' });
    expect(mapped.other).toEqual(['path.source: bad']);
  });
});
