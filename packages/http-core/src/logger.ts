/**
 * The logger contract every SellerBridge package accepts: pino's call shape, structured context
 * first, message second. Library code never logs through `console`; hosts inject their logger.
 */

/** One log method: a structured context object, then an optional message. */
export type LogMethod = (context: object, message?: string) => void;

/** A pino-compatible logger (pino, or anything with the same four methods). */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const ignore: LogMethod = () => undefined;

/** The default logger: it drops everything, so libraries are silent unless a host opts in. */
export const silentLogger: Logger = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
});
