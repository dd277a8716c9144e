/** Texts of the department's inbox (待办) and of case photos by stage (zh-CN). */
export const caseInbox = {
  pageTitle: "部门待办",
  intro: (units: string) => `${units}的案件：待签收、办理中、待反馈、被退回与超期，按时限先后排列。`,
  noUnit: "您的账号未关联任何职能部门，暂无部门待办。请联系系统管理员。",
  tabsLabel: "待办分类",
  tabs: {
    pending: "待签收",
    in_progress: "办理中",
    to_report: "待反馈",
    sent_back: "被退回",
    overdue: "超期",
  },
  tabHints: {
    pending: "已派遣给本部门、等待签收的案件（可签收或退回）。",
    in_progress: "本部门已签收、正在处置的案件。",
    to_report: "本部门已处置、尚未反馈的案件，以及本部门协办、尚未提交协办反馈的案件。",
    sent_back: "核查不通过、退回本部门返工的案件，以及本部门退回、等待重新派遣的案件。",
    overdue: "本部门待签收、办理中或待反馈且已超过本环节时限的案件。",
  },
  empty: {
    pending: "没有待签收的案件。",
    in_progress: "没有办理中的案件。",
    to_report: "没有待反馈的案件。",
    sent_back: "没有被退回的案件。",
    overdue: "没有超期的案件。",
  },
  emptyFiltered: "没有符合筛选条件的案件，可清除筛选后再看。",
  filters: {
    label: "筛选",
    category: "事件类别",
    allCategories: "全部类别",
    light: "时限状态",
    allLights: "全部",
    apply: "筛选",
    clear: "清除筛选",
  },
  count: (n: number) => `${n} 件`,
  next: "下一页",
  first: "回到第一页",
  pageNote: (n: number) => `本页 ${n} 件`,
  errors: {
    badTab: "待办分类不存在。",
    badCursor: "翻页位置无效，请回到第一页。",
  },
} as const;

/**
 * Photos by the step that attached them (the timeline row of that step keeps their ids): 上报 when the case
 * was reported, 处置前 at 处置 (the spot as the handler found it), 处置后 at 反馈 (the result), the rest
 * (协办反馈, 核查 …) as 其他.
 */
export const casePhotoStages = {
  labels: { report: "上报照片", handle: "处置前照片", report_back: "处置后照片", other: "其他照片" },
  compareTitle: "处置前后对比",
  before: "处置前（上报与处置时）",
  after: "处置后（反馈时）",
  noBefore: "无上报或处置前照片",
  noAfter: "无处置后照片",
  alt: (stage: string, n: number) => `${stage} ${n}`,
  formLabel: {
    handle: "处置前照片（可选，最多 9 张）",
    report_back: "处置后照片（可选，最多 9 张）",
  },
  add: "添加照片",
  remove: (n: number) => `移除第 ${n} 张`,
  uploading: "正在上传照片…",
  uploadFailed: "照片上传失败，请重试。",
} as const;
