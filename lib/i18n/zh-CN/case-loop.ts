/**
 * Texts of the case loop (zh-CN): states, actions, refusals of the state machine, ratings and risk.
 * The time-limit and light texts live beside it in case.ts.
 */

const stateLabels = {
  reported: "已上报",
  filed: "已立案",
  cancelled: "已作废",
  dispatched: "已派遣",
  acknowledged: "已签收",
  returned: "已退回",
  handled: "已处置",
  reported_back: "已反馈",
  verifying: "核查中",
  closed: "已结案",
  evaluated: "已评价",
  suspended: "已挂账",
} as const;

const actionLabels = {
  file: "立案",
  cancel: "不予立案（作废）",
  withdraw: "撤回",
  dispatch: "派遣",
  acknowledge: "签收",
  return: "退回",
  handle: "处置",
  report_back: "处置反馈",
  start_verification: "核查",
  close: "结案",
  reopen: "返工",
  evaluate: "回访评价",
  suspend: "挂账",
  resume: "解除挂账",
  escalate: "上报上级",
  extension_request: "申请延期",
  extension_approve: "批准延期",
  extension_reject: "驳回延期",
  supervision_order: "督办",
  co_report_back: "协办反馈",
  rate_discovery: "发现评星",
} as const;

const actorKindLabels = {
  reporter: "上报人",
  operator: "本级受理员",
  dispatcher: "本级派遣员",
  lead_unit: "主办单位",
  co_unit: "协办单位",
  verifier: "本级核查员",
  supervisor: "上级督办人员",
  community: "所在社区受理员",
  system: "系统",
} as const;

const levelLabels = { grid: "网格", community: "社区", street: "街道（镇）", district: "区" } as const;

const returnReasonLabels = {
  territory_mismatch: "属地不符",
  function_mismatch: "职能不符",
  ownership_unclear: "权属不清",
} as const;

/** The 5-level satisfaction scale of the return visit (回访), plus "no opinion". */
const satisfactionLabels = {
  very_satisfied: "非常满意",
  satisfied: "满意",
  fairly_satisfied: "基本满意",
  dissatisfied: "不满意",
  very_dissatisfied: "非常不满意",
  no_opinion: "未表态",
} as const;

/** The return visit's "问题是否解决" answer. */
const resolutionLabels = { resolved: "已解决", unresolved: "未解决", no_opinion: "未表态" } as const;

const timelinessLabels = { overdue: "超期办结", on_time: "按期办结", early: "提前办结" } as const;

/** 事件发现 stars, rated by the receiving unit (DOMAIN.md "Star ratings"). */
const discoveryStarLabels = {
  1: "无价值",
  2: "一般性事务",
  3: "具有一般社会价值或部门价值",
  4: "对部门具有重大价值",
  5: "具有重大社会价值",
} as const;

/** 事件处置 stars: the rule of DOMAIN.md, and what each star means. */
const disposalStarLabels = {
  1: "超期办结且当事人不满意",
  2: "超期办结（当事人未表示不满意），或未超期但当事人不满意",
  3: "按期或提前办结，当事人未表态或基本满意",
  4: "按期办结且当事人满意或非常满意，或提前办结且当事人满意",
  5: "提前办结且当事人非常满意",
} as const;

const riskGradeLabels = { general: "一般", important: "重要", major: "重大" } as const;

/** The descriptions of the standard LEC scores (作业条件危险性评价法). */
const lecLikelihoodLabels = {
  10: "完全可以预料",
  6: "相当可能",
  3: "可能，但不经常",
  1: "可能性小，完全意外",
  0.5: "很不可能，可以设想",
  0.2: "极不可能",
  0.1: "实际不可能",
} as const;

const lecExposureLabels = {
  10: "连续暴露",
  6: "每天工作时间内暴露",
  3: "每周一次或偶然暴露",
  2: "每月一次暴露",
  1: "每年几次暴露",
  0.5: "非常罕见地暴露",
} as const;

const lecConsequenceLabels = {
  100: "大灾难，许多人死亡",
  40: "灾难，数人死亡",
  15: "非常严重，一人死亡",
  7: "严重，重伤",
  3: "重大，致残",
  1: "引人注目，需要救护",
} as const;

export const caseLoop = {
  stateLabels,
  actionLabels,
  actorKindLabels,
  levelLabels,
  returnReasonLabels,
  satisfactionLabels,
  resolutionLabels,
  timelinessLabels,
  discoveryStarLabels,
  disposalStarLabels,
  riskGradeLabels,
  lecLikelihoodLabels,
  lecExposureLabels,
  lecConsequenceLabels,
  errors: {
    unknownAction: "未知的操作。",
    versionConflict: "案件已被他人更新，请刷新后重试。",
    wrongState: (state: string, action: string) => `案件当前状态为「${state}」，不能执行「${action}」。`,
    forbidden: (action: string, who: string) => `只有${who}可以执行「${action}」。`,
    reporterSeparation: (action: string) => `上报人不能对自己上报的案件执行「${action}」（采办分离）。`,
    reporterFiling: (action: string) => `上报人不能对自己上报的事件执行「${action}」（受审分离），请由本级其他受理人员立案。`,
    evaluationFinal: (action: string) => `回访评价为满意或未表示不满意，评价即为终结，不能再执行「${action}」。`,
    extensionTooLate: "办理时限已过，不能再申请延期：延期须在时限届满前申请。请尽快办结并反馈，本案将按超期办结计。",
    unitSeparation: (action: string) => `承办（主办、协办）单位不能对本单位处置的案件执行「${action}」（采办分离）。`,
    noteRequired: (action: string) => `执行「${action}」必须填写理由或说明。`,
    noteTooLong: (max: number) => `说明不能超过 ${max} 个字符。`,
    returnReasonRequired: "退回必须选择理由：属地不符、职能不符或权属不清。",
    leadUnitRequired: "派遣必须指定一个主办单位。",
    coUnitsInvalid: "协办单位不能重复，也不能与主办单位相同。",
    satisfactionRequired: "回访评价必须选择满意度（非常满意、满意、基本满意、不满意、非常不满意或未表态）。",
    resolutionRequired: "回访评价必须选择问题是否解决（已解决、未解决或未表态）。",
    discoveryStarsInvalid: "发现评星必须是 1 到 5 的整数。",
    alreadyDistrict: "案件已在区级，无法再向上报送。",
    extensionPending: "已有一项延期申请正在等待审批。",
    noPendingExtension: "没有待审批的延期申请。",
    timelinessInvalid: "办理用时和时限必须是非负数，时限必须大于零，提前办结比例必须在 0 和 1 之间。",
    lecValueInvalid: (factor: string, allowed: string) => `${factor}的取值必须是以下之一：${allowed}。`,
    riskBandsInvalid: "风险分级界限必须是正数，且「重大」界限大于「重要」界限。",
    caseNotFound: "案件不存在，或不在您的辖区内。",
    outsideDistrict: "事发位置不在本区范围内，请在地图上重新选择位置。",
    outsideArea: "事发位置不在您的辖区内，不能上报。",
    categoryInvalid: "请选择有效的事件类别。",
    unitInvalid: "所选单位不存在或已停用。",
    photosInvalid: "照片无效：只能附上本人刚上传、尚未使用的照片。",
    mergeTargetInvalid: "合并目标必须是本辖区内另一件同类、未办结的案件。",
    riskNotApplicable: "只有矛盾纠纷和问题隐患类事件需要风险评估。",
    riskRequiredToFile: "矛盾纠纷、问题隐患类案件须先完成风险评估（LEC）才能立案，请在案件详情中填写风险评估。",
    emergencyPlanRequiredToFile: "该案件风险等级为「重大」，须先填写应急预案才能立案。",
    emergencyPlanRequired: "风险等级为「重大」时必须填写应急预案。",
    emergencyPlanTooLong: (max: number) => `应急预案不能超过 ${max} 个字符。`,
    riskClosed: "案件已结案、评价或作废，不能再修改风险评估。",
    riskForbidden: "只有受理该案件的指挥中心、街道或社区工作站可以评估风险。",
    requestReused: "同一请求编号已用于另一件案件。",
  },
  /** What the system writes on the timeline when the rules act by themselves. */
  system: {
    routingActor: "系统（派遣规则）",
    clockActor: "系统（时限监控）",
    autoDispatchNote: (unit: string) => `按派遣规则自动派遣至${unit}`,
    noRuleEscalateNote: "无匹配的派遣规则，上报上级人工派遣",
    majorRiskNotice: (number: string) => `重大风险预警：案件 ${number} 风险等级为「重大」，请立即启动应急预案。`,
    riskWarningNotice: (number: string) => `重要风险提示：案件 ${number} 风险等级为「重要」，请社区、街道加强关注并跟进化解。`,
    riskInfoNotice: (number: string) => `一般风险告知：案件 ${number} 风险等级为「一般」，请按常规跟进。`,
    assignedNotice: (number: string) => `新派遣案件 ${number}，请及时签收。`,
    /** To the level a case rose to (by hand or by the clock): where it came from, and that it is this level's now. */
    escalatedNotice: (number: string, from: string, to: string) =>
      `案件 ${number} 已由${from}层级上报至${to}层级，现由${to}层级办理，请派遣处理。`,
    supervisionNotice: (number: string) => `督办：案件 ${number} 请加快办理并反馈。`,
  },
} as const;
