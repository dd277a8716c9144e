/** Texts of the vector tile service (zh-CN): layer titles and descriptions in TileJSON, the style, errors. */
export const tiles = {
  styleName: "GridAtlas 网格一张图",
  /** After a count in ten-thousands on a map cell ("1.2万"). */
  tenThousand: "万",
  layers: {
    basemap: { title: "底图", description: "道路与水系（次要道路自 12 级起）" },
    district: { title: "区" },
    street: { title: "大片区网格（街乡镇）" },
    community: { title: "社区网格" },
    xiaoqu: { title: "小区网格" },
    grid: { title: "基础网格" },
    building: { title: "楼栋", description: "楼栋轮廓" },
    organization: { title: "单位组织", description: "商铺、企业、社会组织" },
    component: { title: "城市部件", description: "消防栓、摄像头、井盖、路灯" },
    case: {
      title: "事件",
      description: (pointsMinzoom: number) =>
        `事件（工单）：${pointsMinzoom} 级起每件一个点（要素 id 为事件 id），以下按网格单元汇总（count 与各灯色件数）；可按时间、类别、状态、灯色、来源筛选`,
    },
    case_heat: {
      title: "事件热力",
      description: "事件热力：由事件热力格（250 米 × 日 × 类别）汇总的格心点与权重 weight，可按时间与类别筛选",
    },
  },
  regionDescription: (title: string) => `${title}边界与统计（户数、人口、流动人口、出租屋、特殊群体、楼栋）`,
  labelDescription: (title: string) => `${title}标注点`,
  errors: {
    internal: "服务器内部错误",
    unknownLayer: (layer: string) => `未知的图层 "${layer}"`,
    badTile: (message: string) => `瓦片坐标无效：${message}`,
    badCaseFilter: (message: string) => `事件筛选条件无效：${message}`,
  },
} as const;
