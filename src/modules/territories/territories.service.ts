import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import { referenceTerritories } from "./territories.data.ts";
import * as repo from "./territories.repository.ts";
import type { Territory } from "./territories.schemas.ts";

function present(row: repo.TerritoryRow): Territory {
  const name = (kk: string, ru: string, zh: string | null, en: string) => ({ kk, kkLatn: toKazakhLatin(kk), ru, zh, en });
  return {
    slug: row.slug,
    kind: row.kind as Territory["kind"],
    country: row.country as Territory["country"],
    isHome: row.is_home === 1,
    parentSlug: row.parent_slug,
    name: name(row.name_kk, row.name_ru, row.name_zh, row.name_en),
    centre: row.centre_kk && row.centre_ru && row.centre_en ? name(row.centre_kk, row.centre_ru, row.centre_zh, row.centre_en) : null,
    coordinates:
      row.centre_lat !== null && row.centre_lon !== null
        ? { lat: row.centre_lat, lon: row.centre_lon, confidence: row.coord_confidence ?? "unverified", source: row.coord_source }
        : null,
    population: row.population !== null ? { value: row.population, year: row.population_year, source: row.population_source } : null,
  };
}

export interface TerritoryOverview {
  oblast: Territory | undefined;
  cities: Territory[];
  districts: Territory[];
  partners: Territory[];
}

export class TerritoriesService {
  constructor(private readonly db: Db) {}

  async list(): Promise<Territory[]> {
    return (await repo.listTerritoryRows(this.db)).map(present);
  }

  /** The oblast, its cities and districts, and the partner territories: one query. */
  async overview(): Promise<TerritoryOverview> {
    const all = await this.list();
    return {
      oblast: all.find((t) => t.kind === "oblast"),
      cities: all.filter((t) => t.isHome && t.kind === "city"),
      districts: all.filter((t) => t.isHome && t.kind === "district"),
      partners: all.filter((t) => !t.isHome),
    };
  }

  async get(slug: string): Promise<{ territory: Territory; parent: Territory | null; children: Territory[] }> {
    const all = await this.list();
    const territory = all.find((t) => t.slug === slug);
    if (!territory) throw new AppError("territory_not_found");
    return {
      territory,
      parent: all.find((t) => t.slug === territory.parentSlug) ?? null,
      children: all.filter((t) => t.parentSlug === slug),
    };
  }

  /** Loads the reference territories; idempotent, safe on every start. */
  async loadReference(): Promise<number> {
    const seeds = referenceTerritories();
    await this.db.transaction().execute(async (trx) => {
      for (const [i, seed] of seeds.entries()) await repo.upsertTerritory(trx, seed, i);
    });
    return seeds.length;
  }
}
