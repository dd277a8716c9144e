/** The seed's report as text for the terminal. */
import type { SeedReport } from "./index";

const LEVEL_NAMES = ["区", "大片区(街乡镇)", "社区/村", "小区", "基础网格"];

const n = (x: number) => x.toLocaleString("en-US");
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatTopology(problems: SeedReport["topology"]): string {
  if (problems.length === 0) return "  no problems at any level (topology_check(1.0) returned zero rows)";
  return problems
    .map(
      (p) =>
        `  level ${p.level} ${LEVEL_NAMES[p.level] ?? ""}: ${p.problem} × ${p.count}${p.areaM2 != null ? ` (${p.areaM2.toFixed(1)} m² in all)` : ""}`,
    )
    .join("\n");
}

export function formatSeedReport(r: SeedReport): string {
  const lines = [
    `District ${r.district.name} (${r.district.code}), scale ${r.scale} (households ×${r.factor}), seed ${r.seed}`,
    `Populated: ${r.populatedStreets.length} street(s)/town(s), ${n(r.populatedStreets.reduce((a, x) => a + x.communities, 0))} communities` +
      (r.populatedStreets.length <= 4 ? ` — ${r.populatedStreets.map((x) => `${x.name} (${x.communities})`).join(", ")}` : ""),
    "",
    "Counts:",
    `  region        ${n(r.counts.region).padStart(10)}   (${r.regions.map((c, i) => `${LEVEL_NAMES[i]} ${n(c)}`).join(", ")})`,
    ...(["building", "room", "household", "resident", "organization", "component", "map_feature"] as const).map(
      (t) => `  ${t.padEnd(13)} ${n(r.counts[t]).padStart(10)}`,
    ),
    `  department    ${n(r.organisation.department).padStart(10)}`,
    `  staff         ${n(r.organisation.staff).padStart(10)}   (${n(r.organisation.left)} left)`,
    `  staff_job     ${n(r.organisation.staff_job).padStart(10)}`,
    `  grid_post     ${n(r.organisation.grid_post).padStart(10)}`,
    ...(r.attendance
      ? [
          `  attendance    ${n(r.attendance.punches).padStart(10)} punches over ${r.attendance.days} days (${n(r.attendance.points)} fences, ${n(r.attendance.rules)} rules, ${n(r.attendance.patrols)} patrols with ${n(r.attendance.patrolPoints)} track points, ${n(r.attendance.requests)} pending 补卡, ${n(r.attendance.dayRows)} computed days)`,
        ]
      : []),
    "",
    "Time:",
    ...r.phases.map((p) => `  ${p.name.padEnd(42)} ${s(p.ms).padStart(8)}`),
    `  ${"total".padEnd(42)} ${s(r.totalMs).padStart(8)}`,
    "",
    "Topology:",
    formatTopology(r.topology),
  ];
  return lines.join("\n");
}
