import { seedCooperationDemo } from "../modules/cooperation/cooperation.demo.ts";
import { seedEnterprisesDemo } from "../modules/enterprises/enterprises.demo.ts";
import { seedMatchingDemo } from "../modules/matching/matching.demo.ts";
import { seedNewsDemo } from "../modules/news/news.demo.ts";
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
  // Order matters: news links to the registry's records, matching to both.
  const cooperation = await seedCooperationDemo(services);
  const news = await seedNewsDemo(services);
  const matching = await seedMatchingDemo(services);
  // The enterprise directory is a view of the registry's organisations: after the cooperation demo.
  const enterprises = await seedEnterprisesDemo(services);
  return { territories, ...sites, ...cooperation, ...news, ...matching, ...enterprises };
}
