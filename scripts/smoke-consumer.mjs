#!/usr/bin/env node
/**
 * Consumer smoke test: packs every publishable workspace package, installs the tarballs into a
 * throw-away project outside the workspace by their published names, and imports each one, so a
 * broken `exports` map, a missing `dist` file or an undeclared dependency fails CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const work = mkdtempSync(join(tmpdir(), 'sellerbridge-smoke-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');

function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

const packages = readdirSync(packagesDir)
  .map((dir) => ({
    dir: join(packagesDir, dir),
    manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => !manifest.private);

run('mkdir', ['-p', tarballs, consumer], root);
for (const { dir } of packages) run('pnpm', ['pack', '--pack-destination', tarballs], dir);

// Every @sellerbridge dependency resolves to its tarball, never to the registry.
const tarballFor = (name) => {
  const prefix = name.replace('@', '').replace('/', '-');
  const file = readdirSync(tarballs).find((f) => f.startsWith(`${prefix}-`));
  return `file:${join(tarballs, file)}`;
};
const overrides = Object.fromEntries(
  packages.map(({ manifest }) => [manifest.name, tarballFor(manifest.name)]),
);
writeFileSync(
  join(consumer, 'package.json'),
  JSON.stringify(
    {
      name: 'sellerbridge-smoke-consumer',
      private: true,
      type: 'module',
      dependencies: overrides,
      pnpm: { overrides, onlyBuiltDependencies: ['better-sqlite3', 'esbuild'] },
    },
    null,
    2,
  ),
);
run('pnpm', ['install', '--ignore-workspace', '--prefer-offline'], consumer);

const imports = packages.map(({ manifest }) => manifest.name);
const script = imports
  .map(
    (name, i) =>
      `const m${i} = await import('${name}'); if (Object.keys(m${i}).length === 0) throw new Error('${name} exports nothing'); console.log('imported ${name}:', Object.keys(m${i}).length, 'exports');`,
  )
  .join('\n');
writeFileSync(join(consumer, 'smoke.mjs'), script);
run('node', ['smoke.mjs'], consumer);

rmSync(work, { recursive: true, force: true });
console.log(`smoke: ${imports.length} packages installed from tarballs and imported`);
