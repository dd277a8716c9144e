/** Texts of the notice bell (预警与提醒). */
export const caseNotices = {
  title: "预警",
  bell: (n: number) => (n > 0 ? `预警与提醒，${n} 条未读` : "预警与提醒"),
  loading: "加载中…",
  empty: "暂无未读预警或提醒",
  kinds: {
    red_warning: "红灯预警",
    major_risk: "重大风险",
    risk_warning: "重要风险",
    risk_info: "一般风险",
    escalated: "上报",
    reminder: "临期提醒",
    supervision: "督办",
    assigned: "新派遣",
  },
} as const;
