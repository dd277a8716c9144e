import type { Role } from "./roles";

/** Everything the product guards. A verb names the action it needs before it touches data. */
export const ACTIONS = [
  /** Grid polygons, counts, search by place, vector tiles. */
  "map.view",
  /** Buildings and their rooms (楼盘表): room states, no persons. */
  "building.read",
  /** Residents of a room and a resident's detail page, personal data masked (detail views are logged). */
  "resident.read",
  /** Show one identity number or phone of one ordinary resident, with a stated reason (logged). */
  "resident.reveal",
  /** Show a key person's (重点人员) name, identity number or phone, with a stated reason (logged). */
  "key_person.reveal",
  /** Export residents of an area, masked (logged). */
  "resident.export",
  /** Export residents of an area with identity numbers and phones in clear (logged, with a reason). */
  "resident.export_unmasked",
  /** Export area statistics (no personal data): the analysts' tables. */
  "region.export",
  /** The topology report of the grid polygons. */
  "topology.read",
  /** The audit log and the personal-data access log. */
  "audit.read",
  /** Create, disable and reset accounts; assign roles and regions; revoke sessions. */
  "account.manage",
  /** Cases of the area: list, map layer, detail and timeline (the reporter's phone masked). */
  "case.read",
  /** Report a case inside the area (grid workers from the phone, offices from the console). */
  "case.report",
  /** Take part in the loop; which steps depends on the grants and units the case rules check. */
  "case.act",
  /** Batch-import 12345 orders, locate the ones without a place, export the replies. */
  "case.import",
  /** Export case lists and the three rates. */
  "case.export",
  /** Edit categories, units, routing rules, time limits, the working calendar, escalation and settings. */
  "case.configure",
  /** Issue and revoke Open311 API keys. */
  "apikey.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

const GRID_LADDER: Action[] = [
  "map.view",
  "building.read",
  "resident.read",
  "resident.reveal",
  "resident.export",
  "region.export",
  "case.read",
  "case.report",
  "case.act",
  "case.export",
];

/**
 * The one table of who may do what (role → actions). The area comes from the assignment, not from here:
 * a community head may reveal a phone only for residents inside the community.
 * Key persons are revealed only from the community level up; unmasked exports only by the district.
 */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  district_commander: [
    ...GRID_LADDER,
    "key_person.reveal",
    "resident.export_unmasked",
    "topology.read",
    "audit.read",
    "case.import",
    "case.configure",
  ],
  street_operator: [...GRID_LADDER, "key_person.reveal", "topology.read", "case.import"],
  community_head: [...GRID_LADDER, "key_person.reveal"],
  xiaoqu_head: [...GRID_LADDER],
  grid_worker: ["map.view", "building.read", "resident.read", "resident.reveal", "case.read", "case.report", "case.act"],
  department_handler: ["map.view", "building.read", "case.read", "case.report", "case.act"],
  analyst: ["map.view", "building.read", "region.export", "topology.read", "case.read", "case.export"],
  hr_clerk: ["map.view"],
  payroll_clerk: [],
  system_admin: ["account.manage", "audit.read", "topology.read", "case.configure", "apikey.manage"],
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
