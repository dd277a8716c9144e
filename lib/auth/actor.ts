import type { Role } from "./roles";

/** One (role, region) pair of an account: the role applies inside the region's subtree. */
export type Assignment = {
  role: Role;
  regionId: number;
  /** ltree path of the region (its subtree is the area). */
  regionPath: string;
  regionName: string;
  regionLevel: number;
};

/** Who is acting: a signed-in account, or the system itself (command-line tools, jobs). */
export type Actor = {
  /** null for the system actor. */
  userId: number | null;
  username: string;
  displayName: string;
  /** The session the request came with (null for the system and in tests that build contexts directly). */
  sessionId: number | null;
  mustChangePassword: boolean;
  assignments: readonly Assignment[];
};
