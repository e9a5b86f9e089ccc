export * from './launch-command';
