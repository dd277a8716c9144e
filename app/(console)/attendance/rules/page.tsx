import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { RulesEditor } from "@/components/attendance/rules-editor";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { listAttendanceRules } from "@/lib/attendance/rules/list-attendance-rules";
import { beijingDay } from "@/lib/format/time";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.attendancePoints.rules.title };
export const dynamic = "force-dynamic";

/** 考勤规则: shifts and rule sets of the caller's area, per department or person, effective-dated (attendance.configure). */
export default async function AttendanceRulesPage() {
  const ctx = await requirePagePermission("attendance.configure");
  const rules = await listAttendanceRules({ ctx });
  const text = t.attendancePoints.rules;
  return (
    <ConsoleFrame>
      <PageBody testId="rules-page">
        <PageHeader
          title={text.title}
          intro={text.intro}
          introClass="mt-1 max-w-4xl"
          aside={
            <Link href="/attendance/points" className="text-sm text-sky-700 hover:underline">
              {text.pointsLink}
            </Link>
          }
        />
        <div className="mt-5">
          <RulesEditor rules={rules} today={beijingDay()} />
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
