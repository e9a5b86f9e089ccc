import { parseCliArgs } from './cli-options';

describe('parseCliArgs', () => {
  it('has defaults for a quick local boot test', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      help: false,
      settings: expect.objectContaining({
        url: 'ws://127.0.0.1:9000/ocpp',
        count: 1,
        version: '2.0.1',
        securityProfile: 0,
        prefix: 'SIM-',
        idDigits: 4,
        scenario: 'boot',
        meterIntervalS: 60,
        durationS: 60,
        concurrency: 100,
        sourceAddresses: undefined,
        callTimeoutS: 30,
        insecure: false,
        json: false,
        progress: true,
      }),
    });
  });

  it('reads every option', () => {
    const parsed = parseCliArgs([
      '--url', 'wss://csms.example/ocpp', '-n', '5000', '--version', 'mixed', '--profile', '3', '--ca', 'ca.pem', '--cert', 'c/{id}.pem', '--key', 'k/{id}.key',
      '--prefix', 'LT-', '--digits', '3', '--scenario', 'charge', '--meter-interval', '15', '--duration', '600', '-c', '250', '--source-addresses', '4',
      '--call-timeout', '10', '--json', '--no-progress', '--insecure',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      settings: {
        url: 'wss://csms.example/ocpp',
        count: 5000,
        version: 'mixed',
        securityProfile: 3,
        password: undefined,
        passwordPrefix: undefined,
        caFile: 'ca.pem',
        certFile: 'c/{id}.pem',
        keyFile: 'k/{id}.key',
        insecure: true,
        prefix: 'LT-',
        idDigits: 3,
        scenario: 'charge',
        meterIntervalS: 15,
        durationS: 600,
        concurrency: 250,
        sourceAddresses: '4',
        callTimeoutS: 10,
        json: true,
        progress: false,
      },
    });
  });

  it('answers --help and -h, whatever else is given', () => {
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseCliArgs(['-h', '--count', 'nonsense'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [['--count', '0'], '--count must be an integer ≥ 1'],
    [['--count', '2.5'], '--count must be an integer'],
    [['--version', '2.1'], '--version must be 1.6, 2.0.1 or mixed'],
    [['--profile', '4'], '--profile must be one of 0, 1, 2, 3'],
    [['--scenario', 'dance'], '--scenario must be one of boot, idle, charge'],
    [['--duration=-1'], '--duration must be a number'],
    [['--profile', '2'], '--profile 2 needs --password or --password-prefix'],
    [['--profile', '3', '--cert', 'c.pem'], '--profile 3 needs --cert and --key'],
    [['--password', 'a', '--password-prefix', 'b'], 'not both'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['stray'], 'stray'],
  ])('refuses %j', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it('accepts a password or a password prefix with profiles 1 and 2', () => {
    expect(parseCliArgs(['--profile', '1', '--password', 'sixteen-chars-pw'])).toMatchObject({ ok: true, settings: { securityProfile: 1, password: 'sixteen-chars-pw' } });
    expect(parseCliArgs(['--profile', '2', '--password-prefix', 'pw-'])).toMatchObject({ ok: true, settings: { securityProfile: 2, passwordPrefix: 'pw-' } });
  });
});
