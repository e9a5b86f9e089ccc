const { availableParallelism } = require('node:os');
const { swcOptions } = require('./tools/swc-options');

const transform = {
  '^.+\\.ts$': ['@swc/jest', swcOptions()],
  // NestJS 12 ships ES modules only; jest on Node 20 cannot require() them, so they are compiled to CommonJS.
  // jose ships ES modules only as well (the app itself loads it with Node's require of ES modules).
  '^.+/node_modules/(@nestjs|jose)/.+\\.js$': ['@swc/jest', { ...swcOptions(), jsc: { ...swcOptions().jsc, parser: { syntax: 'ecmascript' } } }],
};
const transformIgnorePatterns = ['/node_modules/(?!@nestjs/|jose/)'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/bench', '<rootDir>/test/support'],
      testMatch: ['**/*.spec.ts'],
      globalSetup: '<rootDir>/tools/softhsm/softhsm.global-setup.ts',
      transform,
      transformIgnorePatterns,
    },
    {
      // Real Kafka (started once for the run) and real PostgreSQL; apps run from dist/ as separate processes.
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/support/infrastructure.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/infrastructure.global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 120000,
  // Two test files at a time even on two cores: most e2e time is spent waiting on services,
  // Kafka and PostgreSQL, and every test is written to pass on a busy machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
