import type { CliContext } from "../context.ts";

export const summary = "";

export async function run(_args: string[], _ctx: CliContext): Promise<number> {
  process.stderr.write("not implemented yet\n");
  return 70;
}
