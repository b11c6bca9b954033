import type { Logger } from "pino";
import type { Config } from "../config/config.ts";

/** What every CLI command receives. Commands open the database themselves when they need it. */
export interface CliContext {
  config: Config;
  logger: Logger;
}
