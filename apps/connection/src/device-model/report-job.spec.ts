import { replacesModel, statusOfAnswer } from './report-job';

describe('report jobs', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['Rejected', 'rejected'],
    ['EmptyResultSet', 'empty-result-set'],
    ['NotSupported', 'not-supported'],
  ])('a station answering %s puts the job in %s', (stationStatus, status) => {
    expect(statusOfAnswer(stationStatus)).toBe(status);
  });

  it('replaces the model only with a complete inventory', () => {
    expect(replacesModel({ kind: 'base', reportBase: 'FullInventory' })).toBe(true);
    expect(replacesModel({ kind: 'base', reportBase: 'ConfigurationInventory' })).toBe(true);
    expect(replacesModel({ kind: 'base', reportBase: 'SummaryInventory' })).toBe(false);
    expect(replacesModel({ kind: 'criteria', reportBase: null })).toBe(false);
    expect(replacesModel({ kind: 'unsolicited', reportBase: null })).toBe(false);
  });
});
