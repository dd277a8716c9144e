import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { t } from "@/lib/i18n";

/**
 * The phone pages as an installable web app: 「添加到主屏幕」 opens /m (the grid worker's home), full screen,
 * portrait. Static, no personal data.
 */
export const dynamic = "force-static";

export function GET() {
  return Response.json(
    {
      name: `${t.common.productName} · ${caseIntake.shell.homeTitle}`,
      short_name: caseIntake.shell.homeTitle,
      lang: "zh-CN",
      start_url: "/m",
      scope: "/m",
      display: "standalone",
      orientation: "portrait",
      background_color: "#f8fafc",
      theme_color: "#0f172a",
      icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
    },
    { headers: { "content-type": "application/manifest+json; charset=utf-8", "cache-control": "public, max-age=86400" } },
  );
}
