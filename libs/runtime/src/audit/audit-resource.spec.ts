import { resourceOf, resourceOfRoute } from './audit-resource';

class StationsController {}
class OtherController {}

describe('resourceOfRoute', () => {
  it('names the collection before the last path parameter, and that parameter', () => {
    expect(resourceOfRoute('/sites/:siteId/nodes/:nodeId/limits')).toEqual({ type: 'nodes', idParam: 'nodeId', resultId: 'id', snapshot: undefined });
    expect(resourceOfRoute('/stations/:id/commands/reset')).toEqual({ type: 'stations', idParam: 'id', resultId: 'id', snapshot: undefined });
  });

  it('names the last segment without an id for a route without parameters', () => {
    expect(resourceOfRoute('/stations')).toEqual({ type: 'stations', idParam: undefined, resultId: 'id', snapshot: undefined });
  });
});

describe('resourceOf', () => {
  it('prefers what the service declared for the controller and handler', () => {
    const resources = [{ controller: StationsController, handlers: ['register'], type: 'station-registrations', idParam: undefined }];
    expect(resourceOf(resources, StationsController, 'register', '/stations').type).toBe('station-registrations');
    expect(resourceOf(resources, StationsController, 'remove', '/stations/:id').type).toBe('stations');
    expect(resourceOf(resources, OtherController, 'register', '/others').type).toBe('others');
  });
});
