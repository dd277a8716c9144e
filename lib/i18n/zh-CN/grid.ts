/** Region levels, kinds and the counts shown for an area (zh-CN). */
export const grid = {
  levels: ["区", "街道", "社区", "小区", "网格"] as const,
  /** Long names of the levels as the grid rules call them (大片区网格 → 基础网格). */
  levelGridNames: ["区", "大片区网格", "社区网格", "小区网格", "基础网格"] as const,
  kinds: {
    street: "街道",
    town: "镇",
    township: "乡",
    urban: "社区",
    village: "村",
  } as Record<string, string>,
  counts: {
    households: "户数",
    residents: "人口",
    floating: "流动人口",
    rented: "出租屋",
    special: "特殊群体",
    buildings: "楼栋",
    keyPersons: "重点人员",
  },
  children: ["下辖街道", "下辖社区", "下辖小区", "下辖网格", ""] as const,
  noChildren: "没有下级区域",
  /** A basic grid's panel: its buildings (楼进格). */
  gridBuildings: {
    title: "网格内楼栋",
    empty: "本网格暂无楼栋。",
    facts: (floors: number, rooms: number) => `${floors} 层 · ${rooms} 间`,
    more: "显示更多楼栋",
    loadingMore: "正在加载…",
  },
} as const;
