import { account } from "./zh-CN/account";
import { attendanceDays } from "./zh-CN/attendance-days";
import { attendancePoints } from "./zh-CN/attendance-points";
import { attendancePunch } from "./zh-CN/attendance-punch";
import { audit } from "./zh-CN/audit";
import { auditLabels } from "./zh-CN/audit-labels";
import { auth } from "./zh-CN/auth";
import { building } from "./zh-CN/building";
import { cases } from "./zh-CN/case";
import { caseLoop } from "./zh-CN/case-loop";
import { caseMap } from "./zh-CN/case-map";
import { caseDesk } from "./zh-CN/case-desk";
import { caseClock } from "./zh-CN/case-clock";
import { caseIntake } from "./zh-CN/case-intake";
import { common } from "./zh-CN/common";
import { errorMessages } from "./zh-CN/errors";
import { grid } from "./zh-CN/grid";
import { hotline } from "./zh-CN/hotline";
import { landing } from "./zh-CN/landing";
import { map } from "./zh-CN/map";
import { open311 } from "./zh-CN/open311";
import { org } from "./zh-CN/org";
import { resident } from "./zh-CN/resident";
import { search } from "./zh-CN/search";
import { tiles } from "./zh-CN/tiles";
import { topology } from "./zh-CN/topology";
import { transfer } from "./zh-CN/transfer";

/**
 * UI texts by locale, one module per area (lib/i18n/<locale>/<area>.ts). Adding a locale means adding
 * a folder with the same shape and a line here.
 */
const zhCN = {
  account,
  attendanceDays,
  attendancePoints,
  attendancePunch,
  audit,
  auditLabels,
  auth,
  common,
  grid,
  map,
  building,
  resident,
  search,
  topology,
  tiles,
  caseDesk,
  caseMap,
  caseIntake,
  caseClock,
  hotline,
  landing,
  open311,
  org,
  transfer,
  errors: errorMessages,
};

export type Messages = typeof zhCN;
export type Locale = "zh-CN";

const dictionaries: Record<Locale, Messages> = { "zh-CN": zhCN };

export function getMessages(locale: Locale = "zh-CN"): Messages {
  return dictionaries[locale];
}

/** The default locale's texts, for components that are not yet locale-aware. */
export const t = zhCN;
