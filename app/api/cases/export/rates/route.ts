import type { NextRequest } from "next/server";
import { exportCaseRates, type ExportCaseRatesInput } from "@/lib/case/rates-export";
import { fileResponse } from "../_lib/file-response";

/** GET /api/cases/export/rates?format=xlsx|csv&area=<id>&period=month|quarter|year|custom&month=…|quarter=…|year=…|from=…&to=… → the three rates table. */
export async function GET(request: NextRequest) {
  const p = request.nextUrl.searchParams;
  const get = (key: string) => p.get(key) ?? undefined;
  const input = {
    format: get("format"),
    area: get("area"),
    period: get("period"),
    month: get("month"),
    quarter: get("quarter"),
    year: get("year"),
    from: get("from"),
    to: get("to"),
  } as ExportCaseRatesInput;
  return fileResponse(request, (ctx) => exportCaseRates({ ctx, input }));
}
