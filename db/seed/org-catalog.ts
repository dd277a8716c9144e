/**
 * The fixed parts of the demo organisation (issue 11, "Demo data"): the positions with the grid role they
 * carry on a grid post, the ranks (职级, ordinal 1 lowest), and the offices every street office and the
 * district command centre have. Data, not UI text: these are the names the generated records hold.
 */

export type GridRole = "grid_head" | "full_time" | "part_time";

export const POSITIONS = [
  { code: "director", name: "主任", gridRole: null },
  { code: "deputy_director", name: "副主任", gridRole: null },
  { code: "section_chief", name: "科长", gridRole: null },
  { code: "deputy_chief", name: "副科长", gridRole: null },
  { code: "clerk", name: "科员", gridRole: null },
  { code: "duty_chief", name: "值班长", gridRole: null },
  { code: "case_handler", name: "办件员", gridRole: null },
  { code: "community_grid_head", name: "社区网格长", gridRole: "grid_head" },
  { code: "xiaoqu_grid_head", name: "小区网格长", gridRole: "grid_head" },
  { code: "full_time_grid_worker", name: "专职网格员", gridRole: "full_time" },
  { code: "part_time_grid_worker", name: "兼职网格员", gridRole: "part_time" },
] as const satisfies readonly { code: string; name: string; gridRole: GridRole | null }[];

export type PositionCode = (typeof POSITIONS)[number]["code"];

/** 职级 from 1 (lowest) up; pay structures key on the ordinal. */
export const RANKS = [
  { code: "rank-01", name: "办事员", ordinal: 1 },
  { code: "rank-02", name: "科员级", ordinal: 2 },
  { code: "rank-03", name: "四级主任科员", ordinal: 3 },
  { code: "rank-04", name: "三级主任科员", ordinal: 4 },
  { code: "rank-05", name: "二级主任科员", ordinal: 5 },
  { code: "rank-06", name: "一级主任科员", ordinal: 6 },
  { code: "rank-07", name: "四级调研员", ordinal: 7 },
  { code: "rank-08", name: "三级调研员", ordinal: 8 },
  { code: "rank-09", name: "二级调研员", ordinal: 9 },
  { code: "rank-10", name: "一级调研员", ordinal: 10 },
] as const;

/** A role in an office: how many people (a range), their position, their rank range and where they came from. */
export type Seat = {
  position: PositionCode;
  count: [number, number];
  rank: [number, number];
  /** The position held before the last promotion (a chief was a clerk first), if any. */
  before?: PositionCode;
};

/** The district command centre's sections (under 区指挥中心), by code suffix. */
export const COMMAND_SECTIONS: { suffix: string; name: string; seats: Seat[] }[] = [
  {
    suffix: "general",
    name: "综合科",
    seats: [
      { position: "section_chief", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [4, 5], rank: [2, 4] },
    ],
  },
  {
    suffix: "dispatch",
    name: "指挥调度科",
    seats: [
      { position: "section_chief", count: [1, 1], rank: [5, 6], before: "duty_chief" },
      { position: "duty_chief", count: [4, 4], rank: [4, 5], before: "clerk" },
      { position: "clerk", count: [6, 8], rank: [2, 4] },
    ],
  },
  {
    suffix: "data",
    name: "数据分析科",
    seats: [
      { position: "section_chief", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [3, 4], rank: [2, 4] },
    ],
  },
];

export const COMMAND_SEATS: Seat[] = [
  { position: "director", count: [1, 1], rank: [9, 9], before: "deputy_director" },
  { position: "deputy_director", count: [2, 2], rank: [8, 8], before: "section_chief" },
];

/** Each district bureau's grid liaison office: a chief and the case handlers who work the platform's cases. */
export const BUREAU_SEATS: Seat[] = [
  { position: "section_chief", count: [1, 1], rank: [5, 6], before: "case_handler" },
  { position: "case_handler", count: [4, 7], rank: [2, 4] },
];

/** The street office (街道办事处 / 镇人民政府) itself: its leadership. */
export const STREET_SEATS: Seat[] = [
  { position: "director", count: [1, 1], rank: [8, 8], before: "deputy_director" },
  { position: "deputy_director", count: [2, 2], rank: [7, 7], before: "section_chief" },
];

/** The offices of every street office, by code suffix. */
export const STREET_OFFICES: { suffix: string; name: string; kind: "office" | "section" | "grid_office"; seats: Seat[] }[] = [
  {
    suffix: "zzb",
    name: "综治办",
    kind: "office",
    seats: [
      { position: "director", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [2, 4], rank: [2, 4] },
    ],
  },
  {
    suffix: "cgk",
    name: "城管科",
    kind: "section",
    seats: [
      { position: "section_chief", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [2, 4], rank: [2, 4] },
    ],
  },
  {
    suffix: "mzk",
    name: "民政科",
    kind: "section",
    seats: [
      { position: "section_chief", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [1, 3], rank: [2, 4] },
    ],
  },
  {
    suffix: "grid",
    name: "网格管理办",
    kind: "grid_office",
    seats: [
      { position: "director", count: [1, 1], rank: [5, 6], before: "clerk" },
      { position: "clerk", count: [3, 5], rank: [2, 4] },
    ],
  },
];

/** Birthplaces for staff identity numbers: the region around Beijing (the district's own code is left out, see org.ts). */
export const STAFF_ADDRESS_CODES = [
  "110101",
  "110102",
  "110105",
  "110106",
  "110108",
  "110111",
  "110113",
  "110114",
  "110115",
  "110117",
  "110119",
  "120101",
  "120116",
  "130102",
  "130203",
  "130602",
  "130702",
  "131002",
  "131022",
  "131028",
  "131082",
  "140105",
  "370102",
  "410102",
  "150102",
];
