import type { APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import type { Connection } from "../../db/client";
import type { CASE_URGENCIES } from "../../lib/case/time-limits";

export type ApiReport = {
  categoryCode: string;
  description: string;
  lon: number;
  lat: number;
  urgency?: (typeof CASE_URGENCIES)[number];
  risk?: { l: number; e: number; c: number };
};

/**
 * Reports a case through the product's own API (`POST /api/cases`, as the phone page sends it) for the
 * account signed in on `request`: a spec that needs a case makes it itself instead of relying on one an
 * earlier spec or test happened to leave behind.
 */
export async function reportThroughApi(
  request: APIRequestContext,
  { db }: Connection,
  report: ApiReport,
): Promise<{ caseId: number; number: string }> {
  const { id: categoryId } = await db
    .selectFrom("case_category")
    .select("id")
    .where("code", "=", report.categoryCode)
    .executeTakeFirstOrThrow();
  const { categoryCode: _code, ...fields } = report;
  const response = await request.post("/api/cases", {
    data: { ...fields, categoryId, clientRequestId: randomUUID(), channel: "phone" },
  });
  if (response.status() !== 201) throw new Error(`POST /api/cases answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as { caseId: number; number: string };
}
