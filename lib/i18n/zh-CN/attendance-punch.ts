/** Texts of punching from the phone (zh-CN): the punch page, refusals of a punch, patrols and track replay. */

export const attendancePunch = {
  title: "考勤打卡",
  homeTitle: "考勤打卡",
  homeHint: "上下班打卡、巡查轨迹",
  punchIn: "上班打卡",
  punchOut: "下班打卡",
  kinds: { in: "上班", out: "下班" } as Record<"in" | "out", string>,
  sending: "正在提交…",
  today: "今日打卡",
  noPunches: "今天还没有打卡记录。",
  inside: "考勤点内",
  outside: "考勤点外",
  flags: { offline: "离线补传", clock_skew: "手机时间偏差", outside: "范围外" } as Record<string, string>,
  pending: (n: number) => `待发送 ${n} 条`,
  pendingHint: "网络恢复后自动发送。",
  savedOffline: "网络不可用，已保存在手机上，恢复网络后自动发送。",
  punched: (kind: "in" | "out", time: string) => `${kind === "in" ? "上班" : "下班"}打卡成功 ${time}`,
  punchedOutside: "已记录为范围外打卡，待负责人核查。",
  position: "当前位置",
  locating: "正在定位…",
  accuracy: (m: number) => `精度约 ${Math.round(m)} 米`,
  noPositionYet: "尚未取得位置，请稍候或到室外开阔处。",
  locationDenied: "无法获取位置：请在浏览器设置中允许本网站使用定位。",
  nearestFence: (name: string, m: number) => `距「${name}」约 ${Math.round(m)} 米`,
  insideFence: (name: string) => `您在「${name}」范围内`,
  noFence: "尚未为您配置考勤点，请联系负责人。",
  outsideReason: "范围外打卡原因",
  outsideReasonPlaceholder: "例如：入户走访、外出办事",
  photo: "现场照片（可选）",
  takePhoto: "拍照",
  removePhoto: "删除照片",
  photoUnreadable: "照片无法读取，请重新拍摄。",
  serverTime: "以服务器时间为准",
  status: {
    none: "未打卡",
    in: "已上班打卡",
    out: "已下班打卡",
  },
  errors: {
    noStaff: "您的账号尚未关联人员档案，无法打卡。请联系人事管理员。",
    noPosition: "未获取到位置，无法打卡。请打开定位后重试；如确实无法定位，请事后申请补卡。",
    accuracyTooPoor: (m: number, limit: number) =>
      `当前定位精度约 ${Math.round(m)} 米，超过允许的 ${limit} 米，请到室外开阔处稍候片刻再试。`,
    farOutsideDistrict: "您的位置远在本辖区之外，无法打卡。若定位有误，请关闭模拟定位或重启定位后再试。",
    reasonRequired: (m: number | null) =>
      m === null
        ? "您不在任何考勤点范围内，请填写范围外打卡原因。"
        : `您距考勤点约 ${Math.round(m)} 米，不在范围内，请填写范围外打卡原因。`,
    outsideNotAllowed: (m: number | null) =>
      m === null
        ? "您不在考勤点范围内，且本考勤规则不允许范围外打卡。"
        : `您距考勤点约 ${Math.round(m)} 米，本考勤规则不允许范围外打卡，请到考勤点范围内再试。`,
    offlineTooOld: (hours: number) => `这条离线打卡已超过 ${hours} 小时，不能再补传，请申请补卡。`,
    offlineNeedsDeviceTime: "离线打卡须带上手机记录的打卡时间。",
    requestReused: "该请求编号已被其他人员使用。",
    noGrid: "您当前没有负责的网格，无法记录巡查。",
    patrolNotFound: "未找到该巡查记录。",
    patrolEnded: "该巡查已结束。",
  },
  patrol: {
    title: "巡查",
    start: "开始巡查",
    end: "结束巡查",
    recording: (n: number) => `正在记录轨迹，已记录 ${n} 个点`,
    counted: "本次巡查计入一日双巡。",
    notCounted: "本次巡查时长或网格内比例不足，不计入。",
    doneToday: (done: number, required: number) => `今日巡查 ${done}/${required}`,
  },
  tracks: {
    title: "巡查轨迹回放",
    person: "人员",
    day: "日期",
    show: "查看",
    play: "播放",
    pause: "暂停",
    noTrack: "该人员当天没有巡查轨迹。",
    pickPerson: "在团队考勤的月表里点某人某一天的格子，即可回放他当天的巡查轨迹。",
    openTeamDays: "打开团队考勤",
    points: (n: number) => `${n} 个轨迹点`,
    patrolLabel: (i: number, minutes: number, share: number | null, counted: boolean) =>
      `第 ${i} 次 · ${minutes} 分钟 · 网格内 ${share === null ? "—" : `${Math.round(share * 100)}%`} · ${counted ? "计入" : "不计入"}`,
  },
  onDuty: {
    title: "在岗人员",
  },
} as const;
