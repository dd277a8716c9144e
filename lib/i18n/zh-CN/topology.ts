/** Texts of the topology check page (zh-CN). */
export const topology = {
  pageTitle: "网格拓扑检查",
  intro: "按层级检查网格划分规则：横向到边、纵向到底、不留空白、不交叉重叠。",
  tolerance: (m2: number) => `容差 ${m2} 平方米（小于此面积的差异视为计算误差）`,
  checkedAt: "检查时间",
  allGood: "全部层级均未发现问题。",
  problemCount: (n: number) => `共发现 ${n} 处问题`,
  listedFirst: (n: number) => `（仅列出前 ${n} 处）`,
  columns: {
    level: "层级",
    regions: "区域数",
    region: "区域",
    other: "相关区域",
    area: "面积（㎡）",
    detail: "说明",
    kind: "问题",
  },
  levels: ["区", "大片区网格", "社区网格", "小区网格", "基础网格"] as const,
  kinds: {
    invalid_geometry: "几何无效",
    outside_parent: "超出上级范围",
    sibling_overlap: "与同级重叠",
    gap_in_parent: "上级内有空白",
  },
} as const;
