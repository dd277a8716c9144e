/** The welcome page of roles whose own pages are still to come, and the way back to one's start page (zh-CN). */
export const landing = {
  pageTitle: "工作台",
  greeting: (name: string) => `您好，${name}`,
  rolesLine: (roles: string) => `当前角色：${roles}`,
  /** What each role's own pages will be, and that they are not there yet. */
  comingSoon: {
    hr_clerk: "人事专员的人员档案、调动审批和考勤结果页面正在建设中，开通后会出现在本页和右上角的菜单中。",
    payroll_clerk: "薪资专员的月度薪资、社保公积金和个税页面正在建设中，开通后会出现在本页和右上角的菜单中。",
  } as Record<string, string>,
  noOwnPages: "您的角色暂时没有专属页面。",
  available: "目前您可以使用：",
  /** One line under each page the welcome page lists (by path). */
  hints: {
    "/": "浏览辖区网格、楼栋和各级统计",
    "/m": "在手机上上报事件、办理任务",
    "/cases": "查看和筛选辖区内的案件",
    "/cases/rates": "响应率、解决率、满意率",
    "/exports": "导出区域统计表",
    "/topology": "检查网格边界是否重叠或遗漏",
    "/audit": "个人信息访问记录和操作审计",
    "/admin/accounts": "创建账户、分配角色和区域",
    "/account/password": "修改您的登录密码",
  } as Record<string, string>,
  contact: "如需开通其他功能，请联系系统管理员。",
  backHome: "返回首页",
} as const;
