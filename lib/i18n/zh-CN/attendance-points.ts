/** Attendance points (考勤点: fences on the map) and attendance rules (shifts and rule sets), zh-CN. */
export const attendancePoints = {
  nav: { points: "考勤点", rules: "考勤规则" },
  rules: {
    defaultRuleName: "默认考勤规则（未配置）",
    errors: {
      overlapDepartment: "该部门在此期间已有考勤规则",
      overlapStaff: "该人员在此期间已有个人考勤规则",
      endBeforeStart: "下班时间必须晚于上班时间",
      graceBeyondShift: "迟到与早退宽限之和不能超过班次时长",
      minWorkBeyondShift: "最少工作时长不能超过班次时长",
      validToBeforeFrom: "结束日期必须晚于生效日期",
      holderRequired: "请选择部门或人员（二选一）",
      departmentOutside: "该部门不在您的管辖范围内",
      staffOutside: "该人员不在您的管辖范围内",
      notFound: "考勤规则不存在或不在您的管辖范围内",
      conflict: (version: number) => `该规则已被他人修改（当前版本 ${version}），请刷新后重试`,
      closeBeforeFrom: "停用日期必须晚于生效日期",
      alreadyClosed: "该规则在此日期前已结束",
      nameRequired: "请填写规则名称",
      nameTooLong: (max: number) => `名称不能超过 ${max} 个字`,
      badTime: "时间格式应为 HH:MM（00:00–24:00）",
      badDate: "日期格式应为 YYYY-MM-DD",
      badNumber: (min: number, max: number) => `请输入 ${min}–${max} 之间的整数`,
      badId: "编号格式不正确",
      badFlag: "请选择是或否",
    },
  },
} as const;
