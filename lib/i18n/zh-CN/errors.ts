/** User-facing error texts (zh-CN). Keys follow DomainErrorCode plus INTERNAL. */
export const errorMessages = {
  NOT_FOUND: "未找到相应的数据，可能已被删除或不在您的管辖范围内。",
  FORBIDDEN: "您没有权限执行此操作。",
  UNAUTHENTICATED: "请先登录。",
  THROTTLED: "尝试次数过多，请稍后再试。",
  CONFLICT: "数据已被他人修改，请刷新后重试。",
  VALIDATION: "请求参数不正确。",
  UNAVAILABLE: "数据服务暂时不可用，请稍后重试。",
  INTERNAL: "系统出现异常，请稍后重试或联系管理员。",
  regionNotFound: "未找到该区域，可能不在您的管辖范围内。",
  buildingNotFound: "未找到该楼栋，可能不在您的管辖范围内。",
  roomNotFound: "未找到该房屋，可能不在您的管辖范围内。",
  districtMissing: "数据库中还没有行政区数据，请先运行 npm run seed 加载示例辖区。",
  invalidId: "编号格式不正确，应为正整数。",
  searchTooLong: "搜索词不能超过 50 个字符。",
  searchEmpty: "请输入搜索词。",
} as const;
