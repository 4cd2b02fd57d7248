/**
 * The one tsup config every package builds with (ESM + .d.ts into dist/).
 * A package's `build` script runs `tsup --config ../../tsup.config.ts` from its own folder;
 * its entry points are `src/index.ts` plus `src/bin.ts`, `src/worker.ts` and `src/testing.ts`
 * when the package has them.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entry = ['src/index.ts', 'src/bin.ts', 'src/worker.ts', 'src/testing.ts'].filter((file) =>
  existsSync(file),
);

export default defineConfig({
  entry,
  format: ['esm'],
  dts: { compilerOptions: { composite: false } },
  tsconfig: 'tsconfig.build.json',
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  shims: false,
});
