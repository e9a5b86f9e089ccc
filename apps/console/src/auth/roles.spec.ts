import { capabilities, homeSection, type Caller, type Role } from './roles';

const caller = (roles: Role[], sites: string[] = []): Caller => ({ name: 't', roles, tenant: null, sites, authenticatedBy: 'api-token', expiresAt: null });

describe('capabilities', () => {
  it('lets a grid operator see only sites and edit only its sites’ grid-operator limits', () => {
    const dso = caller(['grid-operator'], ['SITE-1']);
    expect(capabilities.seesSection(dso, 'sites')).toBe(true);
    expect(capabilities.seesSection(dso, 'stations')).toBe(false);
    expect(capabilities.seesSection(dso, 'certificates')).toBe(false);
    expect(capabilities.editsLimit(dso, 'SITE-1', 'grid-operator')).toBe(true);
    expect(capabilities.editsLimit(dso, 'SITE-2', 'grid-operator')).toBe(false);
    expect(capabilities.editsLimit(dso, 'SITE-1', 'operator')).toBe(false);
    expect(homeSection(dso)).toBe('sites');
  });

  it('keeps operators and security officers side by side', () => {
    const operator = caller(['operator']);
    const officer = caller(['security-officer']);
    expect(capabilities.sendsCommands(operator)).toBe(true);
    expect(capabilities.runsPki(operator)).toBe(false);
    expect(capabilities.sendsCommands(officer)).toBe(false);
    expect(capabilities.runsPki(officer)).toBe(true);
    expect(capabilities.editsLimit(operator, 'S', 'operator')).toBe(true);
    expect(capabilities.editsLimit(operator, 'S', 'grid-operator')).toBe(false);
  });

  it('gives a viewer reads only and an admin everything', () => {
    const viewer = caller(['viewer']);
    expect(capabilities.reads(viewer)).toBe(true);
    expect(capabilities.sendsCommands(viewer) || capabilities.runsPki(viewer) || capabilities.acceptsStations(viewer)).toBe(false);
    const admin = caller(['admin']);
    expect(capabilities.editsLimit(admin, 'any', 'grid-operator') && capabilities.runsPki(admin) && capabilities.sendsCommands(admin)).toBe(true);
    expect(homeSection(admin)).toBe('stations');
  });
});
