/** Texts shared by every screen (zh-CN). */
export const common = {
  systemActor: "系统",
  productName: "网格一张图",
  productSubtitle: "社区网格化服务管理",
  loading: "加载中…",
  retry: "重试",
  close: "关闭",
  back: "返回",
  backToMap: "返回地图",
  empty: "暂无数据",
  unknown: "未知",
  notFoundTitle: "页面不存在",
  notFoundBody: "您访问的页面不存在，或数据不在您的管辖范围内。",
  errorTitle: "出错了",
  errorBody: "页面加载失败，请稍后重试。",
  units: { household: "户", person: "人", room: "间", building: "栋", floor: "层", entrance: "单元" },
} as const;
