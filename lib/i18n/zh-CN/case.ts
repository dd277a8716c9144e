/**
 * Case texts (zh-CN): time limits, units, urgency and lights. The loop's texts (states, transitions) live in
 * case-loop.ts.
 */
export const cases = {
  lights: {
    green: "绿灯（正常）",
    yellow: "黄灯（临期）",
    red: "红灯（超期）",
  },
  lightShort: { green: "正常", yellow: "临期", red: "超期" },
  urgencies: {
    emergency: "特急",
    urgent: "紧急",
    general: "一般",
    complex: "疑难",
  },
  stages: {
    accept: "受理",
    dispatch: "派遣",
    handle: "处置",
    verify: "核查",
  },
  /** Followed by the amount, e.g. "7 个工作日". */
  limitUnits: {
    natural_minutes: "分钟",
    natural_hours: "小时",
    working_minutes: "工作分钟",
    working_hours: "工作小时",
    working_days: "个工作日",
  },
  clocks: { natural: "自然时间", working: "工作时间" },
  calendar: {
    title: "工作日历",
    holiday: "法定节假日",
    workday: "调休上班",
    weekend: "周末",
    workingDay: "工作日",
    workingHours: "工作时段",
    checkNotice: "节假日安排以国务院办公厅当年发布的通知为准，请核对后保存。",
  },
  deadline: "办理时限",
  dueAt: "截止时间",
  overdueBy: "已超期",
  remaining: "剩余",
} as const;
