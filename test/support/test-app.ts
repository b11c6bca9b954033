import { Writable } from "node:stream";
import { createApp } from "../../src/app.tsx";
import { type Config, loadConfig } from "../../src/config/config.ts";
import type { DialectName } from "../../src/db/dialect.ts";
import { createLogger } from "../../src/lib/logger.ts";
import type { Role } from "../../src/modules/accounts/accounts.policy.ts";
import { seedDemo } from "../../src/seed/demo.ts";
import { TestClient } from "./test-client.ts";
import { openTestDb, type TestDatabase } from "./test-db.ts";

export interface TestApp {
  app: ReturnType<typeof createApp>["app"];
  services: ReturnType<typeof createApp>["services"];
  pageCache: ReturnType<typeof createApp>["pageCache"];
  database: TestDatabase;
  config: Config;
  /** Every log line the app wrote, as text: tests grep it for secrets. */
  logs: string[];
  client(): TestClient;
  /** A client signed in as a new user of the role. */
  signIn(
    role: Role,
    options?: { email?: string; password?: string },
  ): Promise<{ client: TestClient; userId: number; email: string; password: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** A migrated app on a fresh database, with the demo data unless `DEMO_DATA: "false"` is passed. */
export async function createTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDb(dialect);
  // The page cache is off unless a test asks for it: tests change data behind the app's back.
  const config = loadConfig({
    NODE_ENV: "test",
    SCRYPT_COST: "1024",
    LOG_LEVEL: "info",
    DATA_DIR: "/tmp/jibek-test-data",
    PAGE_CACHE_SECONDS: "0",
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const { app, services, pageCache } = createApp({ config, database, logger });
  await seedDemo(services, { demo: config.demoData });
  const testApp: TestApp = {
    app,
    services,
    pageCache,
    database,
    config,
    logs,
    client: () => new TestClient(app, config),
    async signIn(role, options = {}) {
      counter++;
      const email = options.email ?? `${role}-${counter}-${Date.now()}@example.kz`;
      const password = options.password ?? `correct horse ${counter} battery`;
      const user = await services.accounts.createUser({ email, displayName: `${role} ${counter}`, password, role });
      const client = testApp.client();
      const res = await client.form("/en/login", { email, password });
      if (res.status !== 303) throw new Error(`sign-in as ${role} failed with ${res.status}`);
      return { client, userId: user.id, email, password };
    },
    close: () => database.close(),
  };
  return testApp;
}
