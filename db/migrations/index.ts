import type { Migration } from "kysely/migration";
import * as spatialBase from "./20261123T0900-spatial-base";
import * as topologyCheck from "./20261123T0910-topology-check";
import * as access from "./20261124T0900-access";
import * as cases from "./20261125T0900-cases";

/** The explicit, ordered list of migrations (no directory scanning: bundlers and reviewers both see it). */
export const migrations: Record<string, Migration> = {
  "20261123T0900-spatial-base": spatialBase,
  "20261123T0910-topology-check": topologyCheck,
  "20261124T0900-access": access,
  "20261125T0900-cases": cases,
};
