import { scopeOf } from "../auth/authorize";
import type { Action } from "../auth/permissions";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import type { RevealFlags } from "./dto";
import type { RevealField } from "./schemas";

/**
 * The permission that shows one field of one resident in clear. Key persons (重点人员) are guarded as a
 * whole: name, identity number and phone all need "key_person.reveal". For everyone else the identity
 * number and phone need "resident.reveal"; the name is never masked, so there is nothing to reveal (null).
 */
export function revealActionFor(keyPerson: boolean, field: RevealField): Action | null {
  if (keyPerson) return "key_person.reveal";
  return field === "name" ? null : "resident.reveal";
}

/** Whether the caller holds `action` in an assignment whose area covers the resident's grid. */
export function mayActOn(ctx: Pick<RequestContext, "actor">, action: Action, gridPath: string): boolean {
  // An empty scope (no role allows the action) contains nothing.
  return scopeContains(scopeOf(ctx, action), gridPath);
}

/** The reveal flags of one resident for the caller (the detail page shows a "查看" button per true flag). */
export function revealFlags(ctx: Pick<RequestContext, "actor">, keyPerson: boolean, gridPath: string): RevealFlags {
  const allowed = (field: RevealField) => {
    const action = revealActionFor(keyPerson, field);
    return action !== null && mayActOn(ctx, action, gridPath);
  };
  return { name: allowed("name"), idNumber: allowed("id_number"), phone: allowed("phone") };
}
