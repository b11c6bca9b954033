import { prepareDatabase } from "../../boot.ts";
import { createServices } from "../../services.ts";
import type { CliContext } from "../context.ts";

export const summary = "enterprises expire                  expire offers and needs past their last day; tell their owners once";

const USAGE = `jibek enterprises expire

Marks published offers and needs whose last day has passed as expired (they leave the public
lists) and leaves one in-app notice for the owning organisation's representatives. The server
does the same at start and once a day; running it again changes nothing.
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  if (args[0] !== "expire") {
    process.stderr.write(USAGE);
    return args[0] === undefined || args[0] === "--help" ? 0 : 64;
  }
  const database = await prepareDatabase(ctx.config, ctx.logger);
  try {
    const result = await createServices(database.db, ctx.config, ctx.logger).enterprises.expireRequests();
    process.stdout.write(`Expired ${result.expired} request(s); ${result.reminded} owner notice(s) left.\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}
