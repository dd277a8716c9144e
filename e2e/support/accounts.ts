import path from "node:path";

/** The demo accounts the e2e database gets (db/seed/demo-accounts.ts), by the role the specs need. */
export const E2E_ACCOUNTS = {
  commander: "commander",
  street: "street",
  community: "community",
  xiaoqu: "xiaoqu",
  gridworker: "gridworker",
  department: "department",
  analyst: "analyst",
  hrclerk: "hrclerk",
  payroll: "payroll",
  admin: "admin",
} as const;

export type E2eAccount = keyof typeof E2E_ACCOUNTS;

export { DEMO_PASSWORD as E2E_PASSWORD } from "../../db/seed/demo-accounts";

/** Where the setup project keeps each account's signed-in browser state (cookies). */
export function storageStateOf(account: E2eAccount): string {
  return path.join("test-results", "auth", `${account}.json`);
}
