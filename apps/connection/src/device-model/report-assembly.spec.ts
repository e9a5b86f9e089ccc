import type { ReportedVariable } from './device-model.types';
import { assembledVariables, assemblyOf } from './report-assembly';

const variable = (component: string, name: string, value: string): ReportedVariable => ({ component: { name: component }, variable: { name }, attributes: [{ type: 'Actual', value }] });

describe('report assembly', () => {
  it('is complete once the last part and every part before it arrived, in any order', () => {
    expect(assemblyOf([{ seqNo: 2, tbc: false }, { seqNo: 0, tbc: true }])).toEqual({ complete: false, missing: [1] });
    expect(assemblyOf([{ seqNo: 2, tbc: false }, { seqNo: 0, tbc: true }, { seqNo: 1, tbc: true }])).toEqual({ complete: true, missing: [] });
  });

  it('is not complete while every part so far says more follow', () => {
    expect(assemblyOf([{ seqNo: 0, tbc: true }, { seqNo: 1, tbc: true }])).toEqual({ complete: false, missing: [] });
    expect(assemblyOf([])).toEqual({ complete: false, missing: [] });
  });

  it('counts a part received twice once', () => {
    expect(assemblyOf([{ seqNo: 0, tbc: true }, { seqNo: 0, tbc: true }, { seqNo: 1, tbc: false }])).toEqual({ complete: true, missing: [] });
  });

  it('is complete with a single part that says nothing follows', () => {
    expect(assemblyOf([{ seqNo: 0, tbc: false }]).complete).toBe(true);
  });

  it('joins the variables of all parts in sequence order, a variable reported again keeping its later description', () => {
    const parts = [
      { seqNo: 1, variables: [variable('OCPPCommCtrlr', 'HeartbeatInterval', '60'), variable('EVSE', 'Power', '22000')] },
      { seqNo: 0, variables: [variable('OCPPCommCtrlr', 'HeartbeatInterval', '300'), variable('AuthCtrlr', 'Enabled', 'true')] },
    ];
    expect(assembledVariables(parts).map((entry) => `${entry.component.name}/${entry.variable.name}=${entry.attributes[0]?.value}`)).toEqual([
      'OCPPCommCtrlr/HeartbeatInterval=60',
      'AuthCtrlr/Enabled=true',
      'EVSE/Power=22000',
    ]);
  });

  it('stays incomplete, at once, for a last part with a seqNo of two billion', () => {
    expect(assemblyOf([{ seqNo: 0, tbc: true }, { seqNo: 2_000_000_000, tbc: false }])).toMatchObject({ complete: false });
  });
});
