import { energyOf } from './transaction.view';

describe('energyOf', () => {
  it('is what the station core recorded for an ended transaction', () => {
    expect(energyOf({ state: 'ended', energy_wh: 16_500, meter_start_wh: 1000, latest_register_wh: 99_999 })).toBe(16_500);
  });

  it('follows the newest energy register reading while the transaction is active', () => {
    expect(energyOf({ state: 'active', energy_wh: 0, meter_start_wh: 1000, latest_register_wh: 6500.25 })).toBe(5500.25);
    expect(energyOf({ state: 'active', energy_wh: null, meter_start_wh: 1000, latest_register_wh: 1200 })).toBe(200);
  });

  it('never goes below what the core recorded, and is null when nothing is known', () => {
    expect(energyOf({ state: 'active', energy_wh: 800, meter_start_wh: 1000, latest_register_wh: 1500 })).toBe(800);
    expect(energyOf({ state: 'active', energy_wh: null, meter_start_wh: null, latest_register_wh: 1500 })).toBeNull();
    expect(energyOf({ state: 'active', energy_wh: null, meter_start_wh: 1000, latest_register_wh: null })).toBeNull();
  });
});
