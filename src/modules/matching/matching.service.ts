import type { Config } from "../../config/config.ts";
import type { Db } from "../../db/database.ts";

export class MatchingService {
  constructor(
    protected readonly db: Db,
    protected readonly config: Config,
  ) {}
}
