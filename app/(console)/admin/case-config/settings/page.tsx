import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { getCaseSettings } from "@/lib/case-config/get-case-settings";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { ConfigSection } from "../_components/section";
import { SettingForm } from "../_components/setting-forms";

export const metadata: Metadata = { title: `${caseDesk.config.nav.settings} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

/** The order of the cards: the clock first, then risk, duplicates and the rates. */
const ORDER = ["yellow_share", "reminder_share", "early_share", "working_hours", "risk_bands", "duplicate_window", "rates"];

/** 参数设置: each case setting in its own card with its own save and version. */
export default async function SettingsPage() {
  const ctx = await requirePagePermission("case.configure");
  const settings = (await getCaseSettings({ ctx }))
    .filter((s) => ORDER.includes(s.key))
    .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  const st = caseDesk.config.settings;
  return (
    <ConfigSection title={st.title} intro={st.intro} testId="config-settings">
      <div className="grid gap-4 xl:grid-cols-2">
        {settings.map((s) => (
          <div key={s.key} className={s.key === "rates" ? "xl:col-span-2" : ""}>
            {/* Keyed by version: after a save or a refresh the form starts again from the stored value. */}
            <SettingForm key={s.version} setting={s} />
          </div>
        ))}
      </div>
    </ConfigSection>
  );
}
