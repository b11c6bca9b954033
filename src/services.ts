import type { Logger } from "pino";
import type { Config } from "./config/config.ts";
import type { Db } from "./db/database.ts";
import { AccountsService } from "./modules/accounts/accounts.service.ts";
import { CooperationService } from "./modules/cooperation/cooperation.service.ts";
import { EnterprisesService } from "./modules/enterprises/enterprises.service.ts";
import { IoService } from "./modules/io/io.service.ts";
import { MatchingService } from "./modules/matching/matching.service.ts";
import { NewsService } from "./modules/news/news.service.ts";
import { SitesGeoService } from "./modules/sites/sites.geo.service.ts";
import { SitesService } from "./modules/sites/sites.service.ts";
import { TerritoriesService } from "./modules/territories/territories.service.ts";

/** Each module's service, built once with exactly what it needs. */
export interface Services {
  accounts: AccountsService;
  territories: TerritoriesService;
  sites: SitesService;
  /** The catalogue map's viewport reads (clusters, markers, zone centres and outlines). */
  sitesGeo: SitesGeoService;
  cooperation: CooperationService;
  news: NewsService;
  matching: MatchingService;
  io: IoService;
  enterprises: EnterprisesService;
}

export function createServices(db: Db, config: Config, logger: Logger): Services {
  const auditLog = logger.child({ channel: "audit" });
  const sites = new SitesService(db, { staleDays: config.sitesStaleDays });
  const territories = new TerritoriesService(db);
  const accounts = new AccountsService(db, {
    scryptCost: config.scryptCost,
    audit: (event) =>
      auditLog.info(
        { audit: event.action, actor: event.actorUserId, subject: event.subjectType, subjectId: event.subjectId, reqId: event.requestId },
        "audit",
      ),
  });
  return {
    accounts,
    territories,
    sites,
    sitesGeo: new SitesGeoService(db),
    cooperation: new CooperationService(db, config),
    news: new NewsService(db, config),
    matching: new MatchingService(db, config, sites),
    io: new IoService(sites, territories),
    enterprises: new EnterprisesService(
      db,
      { introductionStaleDays: config.introductionStaleDays, storageDir: config.storageDir },
      accounts,
    ),
  };
}
