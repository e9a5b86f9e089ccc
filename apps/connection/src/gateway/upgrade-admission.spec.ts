import { UpgradeAdmission } from './upgrade-admission';

describe('UpgradeAdmission', () => {
  it('admits up to the limit and turns the next one away', () => {
    const admission = new UpgradeAdmission(2);
    const first = admission.tryEnter();
    const second = admission.tryEnter();
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(admission.tryEnter()).toBeUndefined();
    expect(admission.size).toBe(2);
  });

  it('admits again once an upgrade in progress is released, however often its release is called', () => {
    const admission = new UpgradeAdmission(1);
    const release = admission.tryEnter();
    release?.();
    release?.();
    expect(admission.size).toBe(0);
    const next = admission.tryEnter();
    expect(next).toBeDefined();
    expect(admission.tryEnter()).toBeUndefined();
  });
});
