import { seedSitesDemo } from "../modules/sites/sites.demo.ts";
import type { Services } from "../services.ts";

/**
 * Reference data (territories) is refreshed on every start; demo records go only into an empty
 * database, and only when asked. Generated records are marked illustrative.
 */
export async function seedDemo(services: Services, options: { demo: boolean }): Promise<Record<string, number> | null> {
  const empty = (await services.territories.list()).length === 0;
  const territories = await services.territories.loadReference();
  if (!empty) return null;
  if (!options.demo) return { territories };
  const sites = await seedSitesDemo(services.sites);
  return { territories, ...sites };
}
