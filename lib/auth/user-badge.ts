import type { Actor } from "./actor";
import { roleAllows, type Action } from "./permissions";
import { t } from "../i18n";

/** What the top bar shows of the signed-in user: name, roles with their areas, and where they may go. */
export type UserBadge = {
  displayName: string;
  username: string;
  /** "社区网格长 · 永顺镇西马庄社区" per assignment. */
  roles: string[];
  /** The first role's name, for the avatar's letter. */
  primaryRole: string;
  links: { href: string; label: string }[];
  /** Whether the user takes part in cases (the notice bell polls only then). */
  seesCases: boolean;
};

/** The console's pages and the action each needs; the menu lists those the user may open. */
const PAGES: { href: string; label: string; action: Action | null }[] = [
  { href: "/", label: "网格地图", action: "map.view" },
  { href: "/m", label: "手机上报", action: "case.report" },
  { href: "/cases", label: "案件列表", action: "case.read" },
  { href: "/cases/rates", label: "三率统计", action: "case.read" },
  { href: "/hotline", label: "12345工单", action: "case.import" },
  { href: "/exports", label: "数据导出", action: "region.export" },
  { href: "/topology", label: "拓扑检查", action: "topology.read" },
  { href: "/audit", label: "审计日志", action: "audit.read" },
  { href: "/admin/accounts", label: "账户管理", action: "account.manage" },
  { href: "/admin/api-keys", label: "接口密钥", action: "apikey.manage" },
  { href: "/admin/case-config", label: "案件配置", action: "case.configure" },
  { href: "/account/password", label: "修改密码", action: null },
];

export function userBadge(actor: Actor): UserBadge {
  const allows = (action: Action | null) => action === null || actor.assignments.some((a) => roleAllows(a.role, action));
  const roles = actor.assignments.map((a) => `${t.auth.roles[a.role] ?? a.role} · ${a.regionName}`);
  return {
    displayName: actor.displayName,
    username: actor.username,
    roles,
    primaryRole: actor.assignments[0] ? (t.auth.roles[actor.assignments[0].role] ?? "") : "",
    links: PAGES.filter((p) => allows(p.action)).map(({ href, label }) => ({ href, label })),
    seesCases: allows("case.read"),
  };
}
