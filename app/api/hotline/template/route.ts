import { authorize } from "@/lib/auth/authorize";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { orderTemplateCsv, orderTemplateXlsx } from "@/lib/hotline/order-template";
import { download } from "../_lib/download";

/** GET the import template: ?format=xlsx (default, with drop-downs and a notes sheet) or csv. */
export async function GET(request: Request) {
  const csv = new URL(request.url).searchParams.get("format") === "csv";
  return download(request, async (ctx) => {
    authorize(ctx, "case.import");
    return csv
      ? {
          body: orderTemplateCsv(),
          contentType: "text/csv; charset=utf-8",
          fileName: `${hotline.template.fileName}.csv`,
          asciiFileName: "12345-template.csv",
        }
      : {
          body: await orderTemplateXlsx(),
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          fileName: `${hotline.template.fileName}.xlsx`,
          asciiFileName: "12345-template.xlsx",
        };
  });
}
