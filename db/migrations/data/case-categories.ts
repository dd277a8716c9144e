/**
 * The shipped category tree (configurable afterwards in the admin page): the 12 dispute and 11 hazard types
 * of DOMAIN.md, the city-management 部件/事件 classes (after GB/T 30428 数字化城市管理), and the four kinds of
 * 12345 hotline orders. Frozen with the migration that loads it; later changes are data, not code.
 */
export type CategoryRow = {
  code: string;
  parent?: string;
  name: string;
  grp: "dispute" | "hazard" | "component" | "event" | "hotline";
  kind: "service" | "management" | "enforcement";
  defaultLevel: "grid" | "community" | "street" | "district";
  defaultUrgency: "emergency" | "urgent" | "general" | "complex";
  riskAssessed: boolean;
  sort: number;
};

type Child = [code: string, name: string, kind?: CategoryRow["kind"], level?: CategoryRow["defaultLevel"], urgency?: CategoryRow["defaultUrgency"]];

function group(root: Omit<CategoryRow, "sort" | "parent">, sort: number, children: Child[]): CategoryRow[] {
  return [
    { ...root, sort },
    ...children.map(([code, name, kind, level, urgency], i) => ({
      code: `${root.code}.${code}`,
      parent: root.code,
      name,
      grp: root.grp,
      kind: kind ?? root.kind,
      defaultLevel: level ?? root.defaultLevel,
      defaultUrgency: urgency ?? root.defaultUrgency,
      riskAssessed: root.riskAssessed,
      sort: i + 1,
    })),
  ];
}

export const CASE_CATEGORY_ROWS: readonly CategoryRow[] = [
  ...group({ code: "dispute", name: "矛盾纠纷", grp: "dispute", kind: "management", defaultLevel: "community", defaultUrgency: "general", riskAssessed: true }, 1, [
    ["family", "家庭邻里纠纷", "service", "grid"],
    ["labour", "劳动社保纠纷"],
    ["rental", "房屋租赁纠纷", "management", "grid"],
    ["real_estate", "房地产业纠纷", "management", "street"],
    ["property", "物业管理纠纷"],
    ["administrative", "行政管理纠纷", "management", "street"],
    ["litigation", "涉法涉诉纠纷", "management", "street", "complex"],
    ["planning", "规划建设纠纷", "management", "street"],
    ["village_shares", "村民股份纠纷"],
    ["economic", "经济关系纠纷"],
    ["special", "特殊问题纠纷", "management", "street", "complex"],
    ["discipline", "党纪政纪纠纷", "management", "district", "complex"],
  ]),
  ...group({ code: "hazard", name: "问题隐患", grp: "hazard", kind: "management", defaultLevel: "street", defaultUrgency: "general", riskAssessed: true }, 2, [
    ["public_order", "社会治安隐患", "enforcement", "street", "urgent"],
    ["food_drug", "食药市监隐患", "enforcement"],
    ["transport", "交通运输隐患"],
    ["city_management", "城市管理隐患", "enforcement"],
    ["fire_safety", "安全消防隐患", "enforcement", "street", "urgent"],
    ["environment", "环保生态隐患", "enforcement"],
    ["construction_water", "建设水务隐患"],
    ["family_planning", "计划生育问题", "service", "community"],
    ["population_housing", "人口房屋问题", "management", "community"],
    ["school", "教育校园隐患"],
    ["development", "发政事务问题", "management", "district"],
  ]),
  ...group({ code: "component", name: "城市部件", grp: "component", kind: "management", defaultLevel: "street", defaultUrgency: "general", riskAssessed: false }, 3, [
    ["utilities", "公用设施（井盖、管线）"],
    ["manhole", "井盖破损丢失", "management", "street", "urgent"],
    ["street_lamp", "路灯损坏"],
    ["hydrant", "消防栓损坏", "management", "street", "urgent"],
    ["traffic", "道路交通设施"],
    ["amenity", "市容环境设施"],
    ["greenery", "园林绿化设施"],
    ["housing_land", "房屋土地设施"],
    ["other", "其他部件"],
  ]),
  ...group({ code: "event", name: "城市事件", grp: "event", kind: "enforcement", defaultLevel: "street", defaultUrgency: "general", riskAssessed: false }, 4, [
    ["exposed_garbage", "暴露垃圾", "management"],
    ["debris", "乱堆物料", "management"],
    ["illegal_ads", "非法小广告"],
    ["street_vendor", "占道经营"],
    ["illegal_parking", "乱停乱放"],
    ["construction_noise", "施工扰民"],
    ["illegal_building", "违法建设", "enforcement", "street", "complex"],
    ["emergency", "突发事件", "management", "district", "emergency"],
  ]),
  ...group({ code: "hotline", name: "12345热线诉求", grp: "hotline", kind: "service", defaultLevel: "street", defaultUrgency: "general", riskAssessed: false }, 5, [
    ["consultation", "咨询"],
    ["suggestion", "建议"],
    ["report", "举报", "enforcement"],
    ["complaint", "投诉", "management"],
  ]),
];
