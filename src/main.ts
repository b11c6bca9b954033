import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { createApp } from "./app.tsx";
import { prepareDatabase } from "./boot.ts";
import { ConfigError, loadConfig } from "./config/config.ts";
import { openDatabase } from "./db/open.ts";
import { createLogger } from "./lib/logger.ts";
import { closePdfRenderer } from "./lib/pdf.ts";
import { DAY } from "./lib/time.ts";

/** Load config, open the database, listen — nothing else. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  if (cluster.isPrimary) {
    const database = await prepareDatabase(config, logger);
    if (config.workers > 1) {
      await database.db.destroy();
      for (let i = 0; i < config.workers; i++) cluster.fork();
      cluster.on("exit", (worker, code) => {
        logger.warn({ pid: worker.process.pid, code }, "worker exited; starting another");
        cluster.fork();
      });
      logger.info({ workers: config.workers, url: config.publicUrl.href }, "Jibek primary started");
      return;
    }
    listen(config, logger, database);
    return;
  }
  listen(config, logger, openDatabase(config.database));
}

function listen(
  config: ReturnType<typeof loadConfig>,
  logger: ReturnType<typeof createLogger>,
  database: ReturnType<typeof openDatabase>,
): void {
  const { app, pageCache, services } = createApp({ config, database, logger });
  const handle = getRequestListener(app.fetch);
  // A cached anonymous page is written straight from memory; everything else goes through Hono.
  const server = createServer((req, res) => {
    if (pageCache?.serveNode(req, res)) return;
    void handle(req, res);
  });
  collectWhenIdle(server);
  server.listen(config.port, config.host, () => {
    logger.info({ port: config.port, dialect: database.dialect, pid: process.pid }, `Jibek listening on ${config.publicUrl.origin}`);
  });
  // Offers and needs past their last day leave the lists daily too (safe in every process: a claim per row).
  const expiry = setInterval(() => {
    services.enterprises
      .expireRequests()
      .then((r) => r.expired > 0 && logger.info(r, "enterprise requests expired"))
      .catch((err: unknown) => logger.warn({ err }, "enterprise request expiry failed"));
  }, DAY);
  expiry.unref();
  const shutdown = () => {
    void closePdfRenderer();
    server.close(() => void database.db.destroy().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

/**
 * After a burst of requests V8 keeps the heap it grew for them. When the process may ask for a
 * collection (`--expose-gc`, as `npm start` runs it), one full collection runs once no request
 * has come for IDLE_GC_MS, so an idle server holds what it uses rather than its busiest moment.
 */
const IDLE_GC_MS = 5_000;

function collectWhenIdle(server: Server): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return;
  let timer: NodeJS.Timeout | null = null;
  server.on("request", () => {
    if (timer) {
      timer.refresh();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      collect();
    }, IDLE_GC_MS);
    timer.unref();
  });
}

await main();
