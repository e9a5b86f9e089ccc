// One SWC configuration for the build and for jest, so tests run the same
// decorator metadata and path-alias rewriting as production code.
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const tsconfig = require(path.join(repoRoot, 'tsconfig.json'));

function swcOptions({ sourceMaps = true } = {}) {
  return {
    sourceMaps,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      // SWC needs an absolute baseUrl to rewrite the @app/* aliases into relative requires.
      baseUrl: repoRoot,
      paths: tsconfig.compilerOptions.paths,
    },
  };
}

module.exports = { swcOptions, repoRoot };
