/**
 * @sellerbridge/cli — the `sellerbridge` command (demo, run, schedule, errors, status, emulate,
 * init) and the helpers it is built from, for hosts that want the same behaviour.
 */
export { runCli, createProgram } from './program';
export { defineConfig, configSchema } from './config/schema';
export type {
  SellerBridgeConfig,
  SellerBridgeConfigInput,
  EnvironmentConfig,
  EnvironmentName,
} from './config/schema';
export { loadConfig, CONFIG_FILES } from './config/load';
export { SecretsSource, SECRET_NAMES } from './config/secrets';
export type { AmazonSecrets, NetSuiteSecrets } from './config/secrets';
export { ConfigError } from './config/errors';
export { createRuntime } from './runtime/integration';
export type { Runtime, RuntimeOptions } from './runtime/integration';
export { runDemo } from './demo/run-demo';
export type { DemoOptions, DemoResult } from './demo/run-demo';
export { startDemoEnvironment, US_MARKETPLACE } from './demo/environment';
export type { DemoEnvironment, DemoEnvironmentOptions } from './demo/environment';
export type { ReconciliationCheck } from './demo/reconcile';
export { renderDemoReport, renderSummaries } from './demo/report';
export { createCliLogger } from './output/logger';
export type { CliLoggerOptions } from './output/logger';
export { describeFailure, EXIT } from './output/failure';
export type { FailureReport } from './output/failure';
