/** The search box (zh-CN). */
export const search = {
  placeholder: "搜索区域名称、编码或楼栋地址",
  label: "搜索",
  noResults: "没有找到匹配的区域或楼栋",
  searching: "搜索中…",
  building: "楼栋",
  hint: "↑↓ 选择，Enter 跳转，Esc 关闭",
  failed: "搜索失败，请稍后重试",
} as const;
