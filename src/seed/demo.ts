import type { Services } from "../services.ts";

/**
 * Reference data (territories) is refreshed on every start; demo records go only into an empty
 * database, and only when asked. Later modules add their demo data here, each marked illustrative.
 */
export async function seedDemo(services: Services, options: { demo: boolean }): Promise<{ territories: number } | null> {
  const empty = (await services.territories.list()).length === 0;
  const territories = await services.territories.loadReference();
  if (!empty) return null;
  // Demo records of later modules go here when options.demo is set.
  void options.demo;
  return { territories };
}
