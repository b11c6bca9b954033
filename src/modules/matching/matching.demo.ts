import type { Services } from "../../services.ts";

/** Demo records of the matching module; generated ones are marked illustrative. */
export async function seedMatchingDemo(_services: Services): Promise<Record<string, number>> {
  return {};
}
