import type { Role } from "./roles";

/**
 * Where each role starts after signing in (and where "/" sends a role that has no map): the one place that
 * decides it. A role whose own pages are still to come starts on the welcome page, which lists what it may
 * open today, never on a refusal.
 */
export const LANDING_BY_ROLE: Record<Role, string> = {
  district_commander: "/",
  street_operator: "/",
  community_head: "/",
  xiaoqu_head: "/",
  grid_worker: "/",
  department_handler: "/inbox",
  analyst: "/cases/rates",
  system_admin: "/admin/accounts",
  hr_clerk: "/org",
  payroll_clerk: "/welcome",
};

/** Which role's landing wins for an account with several roles: the first of this list it holds. */
const LANDING_PRIORITY: readonly Role[] = [
  "district_commander",
  "street_operator",
  "community_head",
  "xiaoqu_head",
  "grid_worker",
  "department_handler",
  "analyst",
  "system_admin",
  "hr_clerk",
  "payroll_clerk",
];

/** The landing path of an account holding these roles ("/welcome" for an account without any). */
export function landingPathFor(roles: readonly Role[]): string {
  const role = LANDING_PRIORITY.find((r) => roles.includes(r));
  return role ? LANDING_BY_ROLE[role] : "/welcome";
}
