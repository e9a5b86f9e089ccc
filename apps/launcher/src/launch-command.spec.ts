import { LaunchError, LaunchErrorCode, parseLaunchCommand } from './launch-command';

function errorOf(args: string[]): LaunchError {
  try {
    parseLaunchCommand(args);
  } catch (error) {
    if (error instanceof LaunchError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(args)} was accepted`);
}

describe('parseLaunchCommand', () => {
  it.each(['connection', 'smart-charging', 'pki', 'embedded'])('serves %s (the k8s contract: args: ["%s"])', (app) => {
    expect(parseLaunchCommand([app])).toEqual({ kind: 'serve', app });
  });

  it('migrates the named services in the order given', () => {
    expect(parseLaunchCommand(['migrate', 'pki', 'connection'])).toEqual({ kind: 'migrate', services: ['pki', 'connection'] });
  });

  it('takes check and help', () => {
    expect(parseLaunchCommand(['check'])).toEqual({ kind: 'check' });
    expect(parseLaunchCommand(['--help'])).toEqual({ kind: 'help' });
  });

  it('refuses no command, naming the choices', () => {
    const error = errorOf([]);
    expect(error.code).toBe(LaunchErrorCode.missingCommand);
    expect(error.message).toContain('connection, smart-charging, pki, embedded, migrate');
  });

  it('refuses an unknown command, quoting it', () => {
    expect(errorOf(['conection'])).toMatchObject({ code: LaunchErrorCode.unknownCommand, message: expect.stringContaining('"conection"') });
  });

  it('refuses arguments after an app: configuration comes from the environment', () => {
    expect(errorOf(['pki', '--port=3002'])).toMatchObject({ code: LaunchErrorCode.unexpectedArgument, message: expect.stringContaining('"--port=3002"') });
  });

  it('refuses migrate without a service, an unknown one, or one named twice', () => {
    expect(errorOf(['migrate']).code).toBe(LaunchErrorCode.missingService);
    expect(errorOf(['migrate', 'embedded'])).toMatchObject({ code: LaunchErrorCode.unknownService, message: expect.stringContaining('"embedded"') });
    expect(errorOf(['migrate', 'pki', 'pki']).code).toBe(LaunchErrorCode.duplicateService);
  });
});
