/**
 * The roles of the grid ladder and the offices around it. An account holds one or more
 * (role, region) assignments; the region is a node of the grid tree and bounds what the role sees.
 */
export const ROLES = [
  "district_commander",
  "street_operator",
  "community_head",
  "xiaoqu_head",
  "grid_worker",
  "department_handler",
  "analyst",
  "hr_clerk",
  "payroll_clerk",
  "system_admin",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The grid level (0 district … 4 basic grid) a role's region must be at; null = any level.
 * A street operator is assigned a 大片区 (level 1), a grid worker a basic grid (level 4), etc.
 */
export const ROLE_REGION_LEVEL: Record<Role, number | null> = {
  district_commander: 0,
  street_operator: 1,
  community_head: 2,
  xiaoqu_head: 3,
  grid_worker: 4,
  department_handler: null,
  analyst: null,
  hr_clerk: null,
  payroll_clerk: null,
  system_admin: 0,
};
