/**
 * Texts the clock worker writes (zh-CN): the reminder before a deadline (临期提醒), the red warning to the
 * supervising level (红灯预警) and the note on an automatic escalation. The worker's SQL fills them in for a
 * whole batch, so each is also available as a template with {placeholders} (see db/queries/case-clock.ts);
 * the demo generator calls the same functions, so both write identical words.
 */
export const caseClock = {
  reminderNotice: (number: string, stage: string, deadline: string) =>
    `临期提醒：案件 ${number} 的${stage}时限将于 ${deadline} 到期，请抓紧办理。`,
  /** The case stays where it is: the warning names the level that still has it. */
  redWarningNotice: (number: string, stage: string, level: string) =>
    `红灯预警：案件 ${number} 已超过${stage}时限，仍由${level}层级办理，请督促处理。`,
  /**
   * The same pass also raised the case (an escalation rule with automatic escalation): the warning says so and
   * names the level that has it now, so it never contradicts the 上报 notice written in the same minute.
   */
  redWarningEscalatedNotice: (number: string, stage: string, from: string, to: string) =>
    `红灯预警：案件 ${number} 已超过${stage}时限，已由${from}层级自动上报至${to}层级，现由${to}层级办理，请督促处理。`,
  autoEscalateNote: (stage: string, deadline: string, from: string, to: string) =>
    `超过时限自动上报：${stage}时限已于 ${deadline} 到期，按升级规则由${from}上报至${to}。`,
} as const;
