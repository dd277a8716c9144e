import { org } from "@/lib/i18n/zh-CN/org";
import { staffImportTemplate } from "@/lib/org/staff-import-template";
import { download } from "../../../hotline/_lib/download";

/** GET the staff import template (xlsx, with the codes the caller may use). */
export async function GET(request: Request) {
  return download(request, async (ctx) => ({
    body: await staffImportTemplate({ ctx }),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: org.import.templateFileName,
    asciiFileName: "staff-import-template.xlsx",
  }));
}
