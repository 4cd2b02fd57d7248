/**
 * The one vitest config for the workspace. Workspace packages resolve to their sources, so tests
 * run without a build; `pnpm test` still builds first so the published output is checked too.
 * Compile-only type tests (`*.test-d.ts`, with `@ts-expect-error` cases) are checked by
 * `pnpm typecheck` (tsc over the whole workspace), not by vitest.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages', import.meta.url));
// Subpath exports first (`@sellerbridge/flows-core/testing`), then each package's main entry.
const alias = [
  {
    find: '@sellerbridge/flows-core/testing',
    replacement: `${packagesDir}/flows-core/src/testing.ts`,
  },
  ...readdirSync(packagesDir).map((name) => ({
    find: new RegExp(`^@sellerbridge/${name}$`),
    replacement: `${packagesDir}/${name}/src/index.ts`,
  })),
];

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
