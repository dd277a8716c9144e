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
] as const;

export type Action = (typeof ACTIONS)[number];

const GRID_LADDER: Action[] = ["map.view", "building.read", "resident.read", "resident.reveal", "resident.export", "region.export"];

/**
 * The one table of who may do what (role → actions). The area comes from the assignment, not from here:
 * a community head may reveal a phone only for residents inside the community.
 * Key persons are revealed only from the community level up; unmasked exports only by the district.
 */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  district_commander: [...GRID_LADDER, "key_person.reveal", "resident.export_unmasked", "topology.read", "audit.read"],
  street_operator: [...GRID_LADDER, "key_person.reveal", "topology.read"],
  community_head: [...GRID_LADDER, "key_person.reveal"],
  xiaoqu_head: [...GRID_LADDER],
  grid_worker: ["map.view", "building.read", "resident.read", "resident.reveal"],
  department_handler: ["map.view", "building.read"],
  analyst: ["map.view", "building.read", "region.export", "topology.read"],
  hr_clerk: ["map.view"],
  payroll_clerk: [],
  system_admin: ["account.manage", "audit.read", "topology.read"],
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
