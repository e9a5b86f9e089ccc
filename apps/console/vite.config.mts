import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));

// Relative asset URLs ('./'): the same build runs under /console on the connection service and at any path of a
// static host; hashed file names under assets/ let both cache them forever.
export default defineConfig({
  root: consoleRoot,
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // `npx vite --config apps/console/vite.config.mts` serves the console with hot reload against a running CSMS.
  server: { proxy: { '/api': process.env.CONSOLE_DEV_API ?? 'http://127.0.0.1:3000' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // React libraries mark modules "use client" for server rendering; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
