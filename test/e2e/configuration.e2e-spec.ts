import { freePort } from '@test/support/free-port';
import { type AppName, startService } from '@test/support/service-process';

const apps: AppName[] = ['connection', 'smart-charging', 'pki', 'embedded'];

const badValues: [string, string][] = [
  ['HTTP_PORT', 'eighty'],
  ['KAFKA_BROKERS', 'localhost'],
  ['DATABASE_URL', 'mysql://root@localhost/csms'],
  ['LOG_LEVEL', 'verbose'],
  ['INTERNAL_API_TOKEN', 'too-short'],
];

describe('configuration at start-up', () => {
  describe.each(apps)('%s', (app) => {
    it.each(badValues)('exits non-zero with one line naming %s', async (variable, value) => {
      const service = startService(app, { [variable]: value }, await freePort());
      expect(await service.exited).toBe(1);
      const lines = service.output().trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^invalid configuration: ${variable} `))]);
      if (variable === 'INTERNAL_API_TOKEN') expect(service.output()).not.toContain(value);
    });
  });
});
