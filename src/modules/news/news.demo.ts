import type { Services } from "../../services.ts";

/** Demo records of the news module; generated ones are marked illustrative. */
export async function seedNewsDemo(_services: Services): Promise<Record<string, number>> {
  return {};
}
