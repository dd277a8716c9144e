/** The browser-storage key of an account's report draft (one per account, so a shared phone keeps them apart). */
export function reportDraftKey(userId: number | null): string {
  return `report:${userId ?? "system"}`;
}
