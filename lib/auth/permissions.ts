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
  /** The org chart, staff lists and a person's record in the area, personal data masked (detail views logged). */
  "staff.read",
  /** Show one staff member's identity number or phone, with a stated reason (logged). */
  "staff.reveal",
  /** Keep the organisation: departments, positions, ranks, staff records, grid posts, imports and exports. */
  "staff.manage",
  /** Ask for a transfer (调动) of a person in the area. */
  "transfer.request",
  /** Approve or reject a transfer for the releasing or the receiving side (where the account is an approver). */
  "transfer.approve",
  /** Draw attendance points (考勤点), keep shifts and attendance rules. */
  "attendance.configure",
  /** One's own attendance: punch in and out, record patrols, read one's days, ask for corrections and leave. */
  "attendance.self",
  /** The attendance of the people in the area: days, punches, tracks (personal data, reads logged), who is on duty. */
  "attendance.read",
  /** Approve or reject corrections (补卡) and leave of the people one leads. */
  "attendance.approve",
  /** Produce, confirm (lock) and export the monthly attendance report. */
  "attendance.report",
] as const;

export type Action = (typeof ACTIONS)[number];

/** What every member of staff does for themself. */
const SELF_SERVICE: Action[] = ["attendance.self"];

/** What a lead (网格长 and the offices above) does for the people of the area. */
const LEAD: Action[] = ["staff.read", "attendance.read", "attendance.approve", "transfer.approve"];

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
    ...LEAD,
    ...SELF_SERVICE,
  ],
  street_operator: [...GRID_LADDER, "key_person.reveal", "topology.read", "case.import", ...LEAD, ...SELF_SERVICE],
  community_head: [...GRID_LADDER, "key_person.reveal", ...LEAD, ...SELF_SERVICE],
  xiaoqu_head: [...GRID_LADDER, ...LEAD, ...SELF_SERVICE],
  grid_worker: [
    "map.view",
    "building.read",
    "resident.read",
    "resident.reveal",
    "case.read",
    "case.report",
    "case.act",
    ...SELF_SERVICE,
  ],
  department_handler: ["map.view", "building.read", "case.read", "case.report", "case.act", ...SELF_SERVICE],
  analyst: ["map.view", "building.read", "region.export", "topology.read", "case.read", "case.export", ...SELF_SERVICE],
  hr_clerk: [
    "map.view",
    "staff.read",
    "staff.reveal",
    "staff.manage",
    "transfer.request",
    "transfer.approve",
    "attendance.configure",
    "attendance.read",
    "attendance.report",
    ...SELF_SERVICE,
  ],
  payroll_clerk: [...SELF_SERVICE],
  system_admin: ["account.manage", "audit.read", "topology.read", "case.configure", "apikey.manage"],
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
