import type { Services } from "../../services.ts";

/** Demo records of the cooperation module; generated ones are marked illustrative. */
export async function seedCooperationDemo(_services: Services): Promise<Record<string, number>> {
  return {};
}
