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
  yes: "是",
  no: "否",
  /** The avatar letter of a user menu whose account has no role name to take the first character of. */
  userInitial: "用",
  /** Durations as the screens write them ("3 天 4 小时", "5 小时", "12 分钟", "1.5 秒"). */
  duration: {
    seconds: (amount: string) => `${amount} 秒`,
    minutes: (n: number) => `${n} 分钟`,
    hours: (n: number) => `${n} 小时`,
    days: (n: number) => `${n} 天`,
    daysHours: (days: number, hours: number) => `${days} 天 ${hours} 小时`,
  },
  year: (y: number | string) => `${y} 年`,
  month: (m: number) => `${m}月`,
  units: { household: "户", person: "人", room: "间", building: "栋", floor: "层", entrance: "单元" },
} as const;
