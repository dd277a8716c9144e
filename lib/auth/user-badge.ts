import type { Actor } from "./actor";
import { roleAllows, type Action } from "./permissions";
import type { Role } from "./roles";
import { t } from "../i18n";

/** What the top bar shows of the signed-in user: name, roles with their areas, and where they may go. */
export type UserBadge = {
  displayName: string;
  username: string;
  /** "社区网格长 · 永顺镇西马庄社区" per assignment. */
  roles: string[];
  /** The first role's name, for the avatar's letter. */
  primaryRole: string;
  links: { href: string; label: string }[];
  /** Whether the user takes part in cases (the notice bell polls only then). */
  seesCases: boolean;
};

/** The console's pages and the action each needs; the menu lists those the user may open. */
const PAGES: { href: string; label: string; action: Action | null; roles?: readonly Role[] }[] = [
  { href: "/inbox", label: t.auth.menu.inbox, action: "case.act", roles: ["department_handler"] },
  { href: "/", label: t.auth.menu.map, action: "map.view" },
  { href: "/m", label: t.auth.menu.phone, action: "case.report" },
  { href: "/cases", label: t.auth.menu.cases, action: "case.read" },
  { href: "/cases/rates", label: t.auth.menu.rates, action: "case.read" },
  { href: "/hotline", label: t.auth.menu.hotline, action: "case.import" },
  { href: "/exports", label: t.auth.menu.exports, action: "region.export" },
  { href: "/org", label: t.org.menu.orgChart, action: "staff.read" },
  { href: "/staff", label: t.org.menu.staff, action: "staff.read" },
  { href: "/topology", label: t.auth.menu.topology, action: "topology.read" },
  { href: "/transfers", label: t.transfer.navLabel, action: "transfer.approve" },
  { href: "/audit", label: t.auth.menu.audit, action: "audit.read" },
  { href: "/admin/accounts", label: t.auth.menu.accounts, action: "account.manage" },
  { href: "/admin/api-keys", label: t.auth.menu.apiKeys, action: "apikey.manage" },
  { href: "/admin/case-config", label: t.auth.menu.caseConfig, action: "case.configure" },
  { href: "/attendance/points", label: t.attendancePoints.nav.points, action: "attendance.configure" },
  { href: "/attendance/rules", label: t.attendancePoints.nav.rules, action: "attendance.configure" },
  { href: "/attendance/requests", label: t.attendanceDays.nav.requests, action: "attendance.approve" },
  { href: "/attendance/days", label: t.attendanceDays.nav.days, action: "attendance.read" },
  { href: "/attendance/reports", label: t.attendanceDays.nav.reports, action: "attendance.report" },
  { href: "/account/password", label: t.auth.menu.password, action: null },
];

export function userBadge(actor: Actor): UserBadge {
  const allows = (action: Action | null) => action === null || actor.assignments.some((a) => roleAllows(a.role, action));
  const roles = actor.assignments.map((a) => `${t.auth.roles[a.role] ?? a.role} · ${a.regionName}`);
  return {
    displayName: actor.displayName,
    username: actor.username,
    roles,
    primaryRole: actor.assignments[0] ? (t.auth.roles[actor.assignments[0].role] ?? "") : "",
    links: PAGES.filter((p) => allows(p.action) && (!p.roles || actor.assignments.some((a) => p.roles!.includes(a.role)))).map(
      ({ href, label }) => ({ href, label }),
    ),
    seesCases: allows("case.read"),
  };
}
