import type { Migration } from "kysely/migration";
import * as spatialBase from "./20261123T0900-spatial-base";
import * as topologyCheck from "./20261123T0910-topology-check";
import * as access from "./20261124T0900-access";
import * as cases from "./20261125T0900-cases";
import * as caseMap from "./20261125T0920-case-map";
import * as hotline from "./20261125T0930-hotline";
import * as caseConfigVersions from "./20261125T0940-case-config-versions";
import * as caseClock from "./20261125T0950-case-clock";
import * as caseIntake from "./20261125T0960-case-intake";
import * as caseMergeIndex from "./20261125T0990-case-merge-index";
import * as caseRatesRisk from "./20261203T1100-case-rates-risk";
import * as piiAccessCase from "./20261203T1400-pii-access-case";
import * as staffOrg from "./20261204T0900-staff-org";
import * as attendance from "./20261204T0910-attendance";
import * as staffOrgGrants from "./20261204T1000-staff-org-grants";
import * as transfer from "./20261204T1200-transfer";
import * as attendanceRuleVersion from "./20261204T1300-attendance-rule-version";
import * as attendancePointAccess from "./20261204T1310-attendance-point-access";
import * as fenceLayerVersion from "./20261204T1320-fence-layer-version";
import * as attendancePunchAccess from "./20261204T1400-attendance-punch-access";
import * as attendanceDaysAccess from "./20261204T1500-attendance-days-access";

/** The explicit, ordered list of migrations (no directory scanning: bundlers and reviewers both see it). */
export const migrations: Record<string, Migration> = {
  "20261123T0900-spatial-base": spatialBase,
  "20261123T0910-topology-check": topologyCheck,
  "20261124T0900-access": access,
  "20261125T0900-cases": cases,
  "20261125T0920-case-map": caseMap,
  "20261125T0930-hotline": hotline,
  "20261125T0940-case-config-versions": caseConfigVersions,
  "20261125T0950-case-clock": caseClock,
  "20261125T0960-case-intake": caseIntake,
  "20261125T0990-case-merge-index": caseMergeIndex,
  "20261203T1100-case-rates-risk": caseRatesRisk,
  "20261203T1400-pii-access-case": piiAccessCase,
  "20261204T0900-staff-org": staffOrg,
  "20261204T0910-attendance": attendance,
  "20261204T1000-staff-org-grants": staffOrgGrants,
  "20261204T1200-transfer": transfer,
  "20261204T1300-attendance-rule-version": attendanceRuleVersion,
  "20261204T1310-attendance-point-access": attendancePointAccess,
  "20261204T1320-fence-layer-version": fenceLayerVersion,
  "20261204T1400-attendance-punch-access": attendancePunchAccess,
  "20261204T1500-attendance-days-access": attendanceDaysAccess,
};
