import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

export type MobileRefusal = { title: string; back?: { href: string; label?: string }; message: string };

const tasks = { href: "/m/tasks", label: caseIntake.shell.tasksTitle };

/**
 * The header and the 403 notice of a phone page the caller's roles do not open (app/m/forbidden.tsx gets
 * no props, so it finds them by the path). The page itself decides, with the permission it needs.
 */
export function mobileRefusalFor(pathname: string): MobileRefusal {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === "/m/report")
    return { title: caseIntake.shell.reportTitle, back: { href: "/m" }, message: caseIntake.tasks.noReport };
  if (path === "/m/tasks") return { title: caseIntake.shell.tasksTitle, back: { href: "/m" }, message: caseIntake.tasks.noRead };
  if (path.startsWith("/m/cases/")) return { title: caseIntake.caseView.summary, back: tasks, message: caseIntake.tasks.noRead };
  return { title: caseIntake.shell.homeTitle, message: caseIntake.tasks.noRole };
}
