/**
 * Plugins are functions of their options (style guide §4.2): `starter({ orders: {…} })` returns
 * the plugin's name, its zod settings schema, the options and its flows. `createIntegration`
 * parses the options with the schema at start-up; the flows read the result as `ctx.settings`.
 */
import { z } from 'zod';
import type { Flow } from './flow';
import { SettingsError, type SettingsIssue } from './errors';

/** The settings schema of a plugin without settings (`{}`; unknown keys are rejected). */
export const emptySettings = z.strictObject({});

/** A plugin instance: what a plugin function returns. */
export interface Plugin<TSettings = unknown, TAmazon = unknown, TNetSuite = unknown> {
  readonly name: string;
  readonly settings: z.ZodType<TSettings>;
  /** The options as given; parsed by `settings` in `createIntegration`. */
  readonly options: unknown;
  // The record and checkpoint types are the flows' own business.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly flows: readonly Flow<TSettings, TAmazon, TNetSuite, any, any>[];
}

/** What `definePlugin` takes. */
export interface PluginDefinition<TSchema extends z.ZodType, TAmazon, TNetSuite> {
  name: string;
  settings: TSchema;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flows: readonly Flow<z.output<TSchema>, TAmazon, TNetSuite, any, any>[];
}

/** A plugin function; its options may be omitted when the schema accepts `{}`. */
export type PluginFunction<TSchema extends z.ZodType, TAmazon, TNetSuite> = (
  ...options: Record<never, never> extends z.input<TSchema>
    ? [options?: z.input<TSchema>]
    : [options: z.input<TSchema>]
) => Plugin<z.output<TSchema>, TAmazon, TNetSuite>;

/**
 * Defines a plugin: its options are typed from its settings schema, so typos fail to compile.
 * @example
 * export const starter = definePlugin({ name: 'starter', settings: starterSettings, flows: [mfnOrders] });
 * createIntegration({ …, plugins: [starter({ orders: { fbaRecordType: 'invoice' } })] });
 */
export function definePlugin<TSchema extends z.ZodType, TAmazon = unknown, TNetSuite = unknown>(
  definition: PluginDefinition<TSchema, TAmazon, TNetSuite>,
): PluginFunction<TSchema, TAmazon, TNetSuite> {
  return (...args) =>
    Object.freeze({
      name: definition.name,
      settings: definition.settings as z.ZodType<z.output<TSchema>>,
      options: args[0] ?? {},
      flows: definition.flows,
    });
}

/**
 * Parses every plugin's options with its schema.
 * @throws {SettingsError} listing each bad key (dotted path) and why, for all plugins at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parsePluginSettings(plugins: readonly Plugin<any, any, any>[]): unknown[] {
  const issues: SettingsIssue[] = [];
  const parsed = plugins.map((plugin) => {
    const result = plugin.settings.safeParse(plugin.options);
    if (result.success) return result.data;

    for (const issue of result.error.issues) issues.push(...toSettingsIssues(plugin.name, issue));

    return undefined;
  });

  if (issues.length > 0) throw new SettingsError(issues);

  return parsed;
}

function toSettingsIssues(plugin: string, issue: z.core.$ZodIssue): SettingsIssue[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      plugin,
      key: [...path, key].join('.'),
      message: 'unknown setting (check the spelling)',
    }));
  }

  return [{ plugin, key: path.join('.') || '(options)', message: issue.message }];
}
