import { scopeContains, type Scope } from "../auth/scope";

/**
 * Who approves a transfer for one side (调出方 = the department the person leaves, 调入方 = the one they join):
 * 1. the accounts named for that department and side in `transfer_approver`, and only they, where any are named;
 * 2. otherwise every lead holding `transfer.approve` whose area holds the department's region (the street
 *    office, the district's HR, the community head over a grid office of the community).
 * Named approvers need `transfer.approve` somewhere too (the verb asks for it first). Pure; tests beside it.
 */
export function isApproverByRule(input: {
  named: readonly number[];
  userId: number | null;
  approveScope: Scope;
  departmentPath: string;
}): boolean {
  if (input.named.length > 0) return input.userId !== null && input.named.includes(input.userId);
  return scopeContains(input.approveScope, input.departmentPath);
}
