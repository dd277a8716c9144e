/**
 * The documented column layout of a 12345 order file (xlsx or CSV, first sheet, one header row). Columns are
 * found by their header text, in any order; the aliases are the names other hotline systems use for the same
 * field. Extra columns are ignored. The template download and the import page's help are built from this list.
 */

export const HOTLINE_COLUMN_KEYS = [
  "orderNo",
  "receivedAt",
  "kind",
  "category",
  "content",
  "address",
  "lon",
  "lat",
  "crs",
  "reporterName",
  "reporterPhone",
  "urgency",
  "dueAt",
] as const;

export type HotlineColumnKey = (typeof HOTLINE_COLUMN_KEYS)[number];

export type HotlineColumn = {
  key: HotlineColumnKey;
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** What to write in it (shown on the import page and in the template's notes row). */
  note: string;
  example: string;
};

export const HOTLINE_COLUMNS: readonly HotlineColumn[] = [
  {
    key: "orderNo",
    header: "工单编号",
    aliases: ["工单号", "工单编码", "热线工单号"],
    required: true,
    note: "热线系统的工单编号（字母、数字、- 或 _，至多 64 位）；再次导入同一编号会更新而不会重复建案",
    example: "GD2026112000123",
  },
  {
    key: "receivedAt",
    header: "受理时间",
    aliases: ["来电时间", "登记时间", "派单时间"],
    required: true,
    note: "北京时间，如 2026-11-20 09:30 或 2026/11/20 9:30:00，也可为 Excel 日期",
    example: "2026-11-20 09:30",
  },
  {
    key: "kind",
    header: "诉求类型",
    aliases: ["诉求分类", "工单类型"],
    required: true,
    note: "咨询、建议、举报、投诉之一",
    example: "投诉",
  },
  {
    key: "category",
    header: "事件类别",
    aliases: ["问题分类", "事项分类"],
    required: false,
    note: "可空：本系统事件类别的名称或编码（如 暴露垃圾 或 event.exposed_garbage）；空时按诉求类型归入 12345 热线诉求",
    example: "暴露垃圾",
  },
  {
    key: "content",
    header: "诉求内容",
    aliases: ["工单内容", "来电内容", "问题描述"],
    required: true,
    note: "2 至 4000 字",
    example: "小区东门垃圾堆放三天无人清运，气味很大。",
  },
  {
    key: "address",
    header: "事发地址",
    aliases: ["地址", "事发地点", "问题地址"],
    required: false,
    note: "无经纬度时按地址匹配本区楼栋和门牌（如 西马庄小区3号楼 或 新华大街123号）；匹配不到的进入待定位队列",
    example: "通州区永顺镇西马庄小区3号楼",
  },
  { key: "lon", header: "经度", aliases: ["X坐标", "lng", "lon"], required: false, note: "可空；与纬度同时填写", example: "" },
  { key: "lat", header: "纬度", aliases: ["Y坐标", "lat"], required: false, note: "可空；与经度同时填写", example: "" },
  {
    key: "crs",
    header: "坐标系",
    aliases: ["坐标类型"],
    required: false,
    note: "WGS84（默认）、GCJ02（高德、腾讯）或 BD09（百度）",
    example: "",
  },
  {
    key: "reporterName",
    header: "来电人",
    aliases: ["来电人姓名", "诉求人", "联系人"],
    required: false,
    note: "可空，至多 40 字",
    example: "王女士",
  },
  {
    key: "reporterPhone",
    header: "联系电话",
    aliases: ["来电号码", "联系方式", "电话"],
    required: false,
    note: "可空；数字、+、- 和空格，5 至 20 位",
    example: "13800138000",
  },
  {
    key: "urgency",
    header: "紧急程度",
    aliases: ["缓急程度", "紧急度"],
    required: false,
    note: "特急、紧急、一般或疑难；空为事件类别的默认值",
    example: "一般",
  },
  {
    key: "dueAt",
    header: "办理时限",
    aliases: ["要求办结时间", "办结时限"],
    required: false,
    note: "可空：热线要求的办结时间，格式同受理时间",
    example: "2026-11-27 18:00",
  },
];

/** Header text as compared: full-width folded, spaces, required marks (*, ＊) and "（必填）/（选填）" removed. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*]/g, "")
    .replace(/\((必填|选填|可选|可空)\)$/, "")
    .toLowerCase();
}

const BY_NAME = new Map<string, HotlineColumnKey>();
for (const c of HOTLINE_COLUMNS) for (const name of [c.header, ...c.aliases]) BY_NAME.set(normalizeHeader(name), c.key);

export type HeaderMapping = {
  /** Column index → field. */
  columns: Map<number, HotlineColumnKey>;
  /** Required headers that are missing (their documented names). */
  missing: string[];
  /** Headers given twice (the first one is used). */
  repeated: string[];
  /** Headers that are not part of the layout (ignored). */
  ignored: string[];
};

/** Maps a header row onto the layout. */
export function mapHeader(header: readonly string[]): HeaderMapping {
  const columns = new Map<number, HotlineColumnKey>();
  const seen = new Set<HotlineColumnKey>();
  const repeated: string[] = [];
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = normalizeHeader(raw ?? "");
    if (name === "") return;
    const key = BY_NAME.get(name);
    if (!key) {
      ignored.push(raw.trim());
      return;
    }
    if (seen.has(key)) {
      repeated.push(raw.trim());
      return;
    }
    seen.add(key);
    columns.set(index, key);
  });
  const missing = HOTLINE_COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  return { columns, missing, repeated, ignored };
}
