/** `sellerbridge init` — writes a commented configuration template. */
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError } from '../config/errors';
import { CONFIG_TEMPLATE } from '../config/template';

/** Registers the init command. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Write a commented sellerbridge.config.ts template')
    .option('--force', 'overwrite an existing file')
    .action((options: { force?: boolean }) => {
      const file = 'sellerbridge.config.ts';
      if (existsSync(file) && !options.force) {
        throw new ConfigError(`${file} exists already`, 'Use --force to overwrite it.');
      }

      writeFileSync(file, CONFIG_TEMPLATE);
      process.stdout.write(
        `wrote ${file}; set the secrets it lists as environment variables, then run \`sellerbridge run --dry-run\`\n`,
      );
    });
}
