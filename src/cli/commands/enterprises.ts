import { prepareDatabase } from "../../boot.ts";
import { createServices } from "../../services.ts";
import type { CliContext } from "../context.ts";

export const summary =
  "enterprises expire|reindex          expire offers and needs past their last day (owners told once); rebuild what matching reads";

const USAGE = `jibek enterprises expire

Marks published offers and needs whose last day has passed as expired (they leave the public
lists) and leaves one in-app notice for the owning organisation's representatives. The server
does the same at start and once a day; running it again changes nothing.

jibek enterprises reindex

Rebuilds what partner matching reads of every enterprise (its classes, products, markets, text
keys and published requests), for data changed in SQL behind the application.
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  if (args[0] !== "expire" && args[0] !== "reindex") {
    process.stderr.write(USAGE);
    return args[0] === undefined || args[0] === "--help" ? 0 : 64;
  }
  const database = await prepareDatabase(ctx.config, ctx.logger);
  try {
    const enterprises = createServices(database.db, ctx.config, ctx.logger).enterprises;
    if (args[0] === "reindex") {
      process.stdout.write(`Rebuilt the matching data of ${await enterprises.rebuildMatchData()} enterprise(s).\n`);
      return 0;
    }
    const result = await enterprises.expireRequests();
    process.stdout.write(`Expired ${result.expired} request(s); ${result.reminded} owner notice(s) left.\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}
