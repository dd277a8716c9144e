import type { Sql } from "postgres";

/**
 * The units that handle cases in the generated district: the district's functional departments (职能部门),
 * one office per street/town (街乡镇分中心) and one workstation per community (社区工作站); plus the
 * district-wide routing rules of the demo (category → department). Categories without a rule go up the
 * ladder for manual dispatch, as the rules say.
 */
export const DISTRICT_DEPARTMENTS = [
  { code: "dept.cg", name: "区城市管理委员会（城管）" },
  { code: "dept.ga", name: "区公安分局" },
  { code: "dept.xf", name: "区消防救援支队" },
  { code: "dept.sj", name: "区市场监督管理局" },
  { code: "dept.mz", name: "区民政局" },
  { code: "dept.zj", name: "区住房和城乡建设委员会" },
  { code: "dept.sw", name: "区水务局" },
  { code: "dept.hb", name: "区生态环境局" },
  { code: "dept.jt", name: "区交通局" },
  { code: "dept.jy", name: "区教育委员会" },
] as const;

/** Demo routing (category code → lead department, co-departments, whether it dispatches by itself). */
export const DEMO_ROUTING: readonly { category: string; lead: string; co: string[]; auto: boolean }[] = [
  { category: "hazard.fire_safety", lead: "dept.xf", co: ["dept.zj"], auto: true },
  { category: "hazard.food_drug", lead: "dept.sj", co: [], auto: true },
  { category: "hazard.environment", lead: "dept.hb", co: [], auto: true },
  { category: "hazard.transport", lead: "dept.jt", co: ["dept.ga"], auto: true },
  { category: "hazard.public_order", lead: "dept.ga", co: [], auto: true },
  { category: "hazard.school", lead: "dept.jy", co: [], auto: true },
  { category: "hazard.construction_water", lead: "dept.sw", co: ["dept.zj"], auto: true },
  { category: "component.manhole", lead: "dept.zj", co: ["dept.sw"], auto: true },
  { category: "component.hydrant", lead: "dept.xf", co: [], auto: true },
  { category: "component.street_lamp", lead: "dept.cg", co: [], auto: true },
  { category: "event.exposed_garbage", lead: "dept.cg", co: [], auto: true },
  { category: "event.illegal_ads", lead: "dept.cg", co: [], auto: true },
  { category: "event.illegal_building", lead: "dept.cg", co: ["dept.zj"], auto: false },
  { category: "event.construction_noise", lead: "dept.hb", co: ["dept.cg"], auto: true },
];

export async function seedCaseUnits(sql: Sql): Promise<{ units: number; rules: number }> {
  const [district] = await sql<{ id: number }[]>`select id from region where level = 0 order by id limit 1`;
  if (!district) return { units: 0, rules: 0 };
  for (const d of DISTRICT_DEPARTMENTS) {
    await sql`insert into case_unit (code, name, kind, region_id) values (${d.code}, ${d.name}, 'department', ${district.id})`;
  }
  await sql`
    insert into case_unit (code, name, kind, region_id)
    select case level when 1 then 'street.' else 'community.' end || code,
           name || case level when 1 then '分中心' else '工作站' end,
           case level when 1 then 'street_office' else 'community_station' end,
           id
    from region where level in (1, 2) order by level, code`;
  const rules = await sql`
    insert into routing_rule (category_id, region_id, lead_unit_id, co_unit_ids, auto_dispatch)
    select c.id, ${district.id}, lead.id,
           coalesce((select array_agg(u.id order by u.code) from case_unit u where u.code = any(r.co)), '{}'), r.auto
    from jsonb_to_recordset(${sql.json(DEMO_ROUTING.map((r) => ({ category: r.category, lead: r.lead, co: r.co, auto: r.auto })))})
           as r(category text, lead text, co text[], auto boolean)
    join case_category c on c.code = r.category
    join case_unit lead on lead.code = r.lead`;
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from case_unit`;
  return { units: n, rules: rules.count };
}
