import { defineConfig } from 'tsup';

// Library build: one entry, ESM + CJS, type declarations.
// platform 'neutral' because the engine must also run in browsers; it must not
// import Node built-ins (the build fails loudly if something does).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'neutral',
  splitting: false,
  treeshake: true,
  // Emit dist/index.js (ESM) and dist/index.cjs (CJS); with "type": "module"
  // tsup already picks these names, stated here so package.json can rely on it.
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
});
