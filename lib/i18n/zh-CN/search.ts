/** The search box (zh-CN). */
export const search = {
  placeholder: "搜索区域、楼栋地址、案件编号或居民姓名",
  label: "搜索",
  noResults: "没有找到匹配的结果",
  searching: "搜索中…",
  building: "楼栋",
  caseBadge: "案件",
  hint: "↑↓ 选择，Enter 跳转，Esc 关闭",
  failed: "搜索失败，请稍后重试",
} as const;
