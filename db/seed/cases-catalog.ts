/**
 * What the generated cases are about: for every category of the shipped tree (db/migrations/data/
 * case-categories.ts), where it happens (at a building, at a shop or market, in the open street), in which
 * kind of community it is common, which sources report it, its season, and texts for the description and
 * the handling unit's report back. The 12345 hotline files its orders under four kinds (咨询, 建议, 举报,
 * 投诉); their topics carry the same information.
 *
 * Weights are relative and invented, tuned to look like the category mix of district grid-management
 * reports: city events and components dominate the grid workers' reports, disputes come from visits and
 * residents, complaints about noise, heating and property management dominate the hotline.
 */
import type { CaseSource } from "../../lib/case/case-dto";
import type { Season } from "./cases-rhythm";

/** Where a case happens; decides how its point is placed and its address is written. */
export type Place = "building" | "shop" | "open";

export type CategorySpec = {
  code: string;
  season: Season;
  where: Partial<Record<Place, number>>;
  /** Multiplier in village grids (urban grids: `urban`). */
  village?: number;
  urban?: number;
  /** Multiplier per source (non-hotline sources; missing = the default affinity below). */
  sources?: Partial<Record<Exclude<CaseSource, "hotline">, number>>;
  /** Description templates: {place} the address, {shop} a shop's name. */
  texts: readonly string[];
  /** The handling unit's report back. */
  done: readonly string[];
};

/** How likely each non-hotline source reports a category unless the spec says otherwise. */
export const DEFAULT_SOURCE_AFFINITY: Readonly<Record<Exclude<CaseSource, "hotline">, number>> = {
  grid_worker: 1,
  resident: 0.4,
  department: 0.2,
  visit: 0.15,
  video: 0,
};

const DISPUTE_SOURCES = { grid_worker: 1, resident: 1.2, department: 0.3, visit: 2.5, video: 0 };
const VIDEO_FRIENDLY = { grid_worker: 1, resident: 0.3, department: 0.3, visit: 0, video: 1.5 };

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  // 矛盾纠纷
  {
    code: "dispute.family",
    season: "winter",
    where: { building: 6 },
    sources: DISPUTE_SOURCES,
    texts: [
      "{place}住户与邻居因楼上漏水问题发生争执，双方情绪激动，需要调解。",
      "{place}一户家庭因赡养老人问题产生矛盾，子女之间多次争吵。",
      "{place}邻里因楼道堆放杂物、占用公共空间发生纠纷。",
      "{place}两户居民因装修噪音问题发生口角，请求社区介入调解。",
    ],
    done: ["经网格员和人民调解员调解，双方达成一致意见，签订调解协议。", "已上门调解，双方握手言和，承诺今后互谅互让。"],
  },
  {
    code: "dispute.labour",
    season: "winter",
    where: { building: 2, shop: 1 },
    sources: DISPUTE_SOURCES,
    texts: ["{place}附近务工人员反映被拖欠工资三个月，要求帮助追讨。", "{shop}员工反映单位未依法缴纳社会保险。"],
    done: ["已协调劳动监察部门约谈用工单位，工资已全部结清。", "已指导当事人申请劳动仲裁，用工单位承诺补缴社保。"],
  },
  {
    code: "dispute.rental",
    season: "spring",
    where: { building: 5 },
    village: 2,
    sources: DISPUTE_SOURCES,
    texts: [
      "{place}租户与房东因押金退还问题发生纠纷。",
      "{place}房东反映租户拖欠房租两个月且拒不搬离。",
      "{place}出租屋合租人员因水电费分摊发生争执。",
    ],
    done: ["经调解，房东同意退还押金，双方签字确认。", "已调解，双方协商确定搬离时间及欠款偿还方式。"],
  },
  {
    code: "dispute.real_estate",
    season: "spring",
    where: { building: 1 },
    urban: 1.5,
    village: 0.3,
    sources: DISPUTE_SOURCES,
    texts: ["{place}业主反映开发商延期交房且未按合同支付违约金。", "{place}业主反映房产证迟迟未能办理。"],
    done: ["已协调住建部门与开发商沟通，明确办证时间表并书面答复业主。"],
  },
  {
    code: "dispute.property",
    season: "flat",
    where: { building: 5 },
    urban: 1.8,
    village: 0.1,
    sources: DISPUTE_SOURCES,
    texts: [
      "{place}业主与物业公司因物业费上涨问题发生纠纷。",
      "{place}居民反映物业公司服务不到位，电梯长期故障无人维修。",
      "{place}业主委员会与物业公司就公共收益分配发生争议。",
    ],
    done: ["已组织业主代表与物业公司座谈，物业承诺整改服务问题。", "已督促物业公司维修电梯，恢复正常运行。"],
  },
  {
    code: "dispute.administrative",
    season: "flat",
    where: { building: 1 },
    sources: DISPUTE_SOURCES,
    texts: ["{place}居民对拆违认定结果有异议，要求重新核查。", "{place}居民反映低保资格复核结果不公。"],
    done: ["已向当事人解释政策依据，并告知复议渠道，当事人表示理解。"],
  },
  {
    code: "dispute.litigation",
    season: "flat",
    where: { building: 0.5 },
    sources: DISPUTE_SOURCES,
    texts: ["{place}居民对法院判决执行不到位有意见，多次到社区反映。"],
    done: ["已引导当事人通过法定途径申请强制执行，并做好稳控工作。"],
  },
  {
    code: "dispute.planning",
    season: "spring",
    where: { building: 0.8, open: 0.4 },
    sources: DISPUTE_SOURCES,
    texts: ["{place}居民对周边新建项目遮挡采光提出异议。", "{place}附近规划道路施工占用居民出行通道，引发不满。"],
    done: ["已邀请规划部门现场解释方案，并协调施工方设置临时通道。"],
  },
  {
    code: "dispute.village_shares",
    season: "winter",
    where: { building: 2 },
    village: 4,
    urban: 0,
    sources: DISPUTE_SOURCES,
    texts: ["{place}村民对集体经济组织年终分红方案有异议。", "{place}外嫁女反映未能享受村集体股份分配。"],
    done: ["已组织村两委召开村民代表会议，依法依规调整分配方案。"],
  },
  {
    code: "dispute.economic",
    season: "winter",
    where: { building: 1, shop: 2 },
    sources: DISPUTE_SOURCES,
    texts: ["{shop}与顾客因预付卡退费问题发生纠纷。", "{place}居民之间因借款未还发生争执。"],
    done: ["经调解，商户同意按剩余金额退费。", "已调解，双方约定分期还款并签订协议。"],
  },
  {
    code: "dispute.special",
    season: "flat",
    where: { building: 0.4 },
    sources: DISPUTE_SOURCES,
    texts: ["{place}特殊群体人员反映生活困难，情绪不稳定，需重点关注。"],
    done: ["已落实临时救助，安排专人定期走访。"],
  },
  {
    code: "dispute.discipline",
    season: "flat",
    where: { building: 0.15 },
    sources: { grid_worker: 0.3, resident: 1, department: 0.5, visit: 1.5, video: 0 },
    texts: ["{place}群众反映村（居）干部办事拖拉、作风不实。"],
    done: ["已转交纪检部门核查，并向反映人反馈办理情况。"],
  },

  // 问题隐患
  {
    code: "hazard.public_order",
    season: "summer",
    where: { building: 1, shop: 1, open: 1 },
    sources: { grid_worker: 1, resident: 0.6, department: 0.6, visit: 0.2, video: 0.8 },
    texts: [
      "{place}附近夜间有人聚集饮酒喧哗，存在治安隐患。",
      "{shop}门前多次发生电动车电瓶被盗。",
      "{place}有可疑人员频繁出入，群众反映担心安全。",
    ],
    done: ["已通报派出所加强夜间巡逻，现场已恢复正常秩序。", "已协调安装监控探头，并加强巡防。"],
  },
  {
    code: "hazard.food_drug",
    season: "summer",
    where: { shop: 5 },
    sources: { grid_worker: 1, resident: 0.5, department: 1.2, visit: 0, video: 0 },
    texts: [
      "{shop}后厨卫生条件差，食品生熟混放。",
      "{shop}销售过期食品，且无进货台账。",
      "{shop}未取得食品经营许可证即开门营业。",
    ],
    done: ["市场监管所已现场检查，责令限期整改并下架过期食品。", "已依法立案查处，督促办理经营许可。"],
  },
  {
    code: "hazard.transport",
    season: "flat",
    where: { open: 3 },
    sources: { grid_worker: 1, resident: 0.4, department: 0.8, visit: 0, video: 1 },
    texts: ["{place}路口缺少减速带，车辆车速过快，存在安全隐患。", "{place}附近有大货车违规穿行居民区。"],
    done: ["交通部门已在路口施划减速标线并设置警示牌。", "已协调交警加强路口管控。"],
  },
  {
    code: "hazard.city_management",
    season: "summer",
    where: { shop: 2, open: 2 },
    sources: VIDEO_FRIENDLY,
    texts: ["{shop}店外违规搭建雨棚，存在坠落隐患。", "{place}附近户外广告牌松动，遇大风有倒塌危险。"],
    done: ["城管执法队已督促商户拆除违规雨棚。", "已组织加固广告牌，消除安全隐患。"],
  },
  {
    code: "hazard.fire_safety",
    season: "winter",
    where: { building: 4, shop: 2 },
    village: 1.6,
    sources: { grid_worker: 1.3, resident: 0.5, department: 0.8, visit: 0.2, video: 0.3 },
    texts: [
      "{place}楼道内电动自行车充电，飞线充电现象严重。",
      "{place}消防通道被杂物堵塞。",
      "{shop}灭火器过期，疏散通道堆放货物。",
      "{place}出租屋内私拉乱接电线，存在火灾隐患。",
    ],
    done: [
      "已清理楼道内电动车和杂物，张贴安全提示。",
      "已督促商户更换灭火器，清理疏散通道。",
      "已联合消防部门检查，拆除私拉电线。",
    ],
  },
  {
    code: "hazard.environment",
    season: "harvest",
    where: { open: 3, shop: 1 },
    village: 2.2,
    sources: { grid_worker: 1, resident: 0.6, department: 0.8, visit: 0, video: 0.6 },
    texts: [
      "{place}附近有人焚烧秸秆和垃圾，烟雾较大。",
      "{shop}油烟直排，未安装净化设施。",
      "{place}附近河道有污水排放，水面发黑发臭。",
    ],
    done: ["已现场扑灭焚烧点，对当事人进行教育。", "已督促商户安装油烟净化设备。", "生态环境部门已溯源排查并封堵排污口。"],
  },
  {
    code: "hazard.construction_water",
    season: "rain",
    where: { open: 3, building: 1 },
    sources: { grid_worker: 1, resident: 0.6, department: 0.8, visit: 0, video: 0.3 },
    texts: ["{place}附近雨后积水严重，排水不畅。", "{place}施工工地围挡破损，存在安全隐患。", "{place}供水管线破裂，路面渗水。"],
    done: ["已组织疏通雨水管道，积水已排除。", "已督促施工单位修复围挡。", "水务部门已抢修管线，恢复供水。"],
  },
  {
    code: "hazard.family_planning",
    season: "flat",
    where: { building: 0.5 },
    sources: { grid_worker: 1, resident: 0.3, department: 0.3, visit: 1, video: 0 },
    texts: ["{place}流动人口育龄妇女未办理相关登记，需上门服务。"],
    done: ["已上门登记并宣传相关惠民政策。"],
  },
  {
    code: "hazard.population_housing",
    season: "spring",
    where: { building: 3 },
    village: 1.8,
    sources: { grid_worker: 1.3, resident: 0.4, department: 0.3, visit: 0.8, video: 0 },
    texts: ["{place}疑似群租房，一套房内居住十余人。", "{place}出租房屋未登记，租住人员信息不全。", "{place}地下室违规住人。"],
    done: ["已会同派出所开展检查，督促房东整改群租问题。", "已完成出租房屋及租住人员信息登记。"],
  },
  {
    code: "hazard.school",
    season: "spring",
    where: { open: 1, shop: 0.5 },
    sources: { grid_worker: 1, resident: 0.5, department: 1, visit: 0, video: 0.5 },
    texts: ["{place}学校周边有流动摊贩售卖三无食品。", "{place}校门口上下学时段交通拥堵，存在安全隐患。"],
    done: ["已清理校园周边流动摊贩。", "已协调交警在上下学时段安排护学岗。"],
  },
  {
    code: "hazard.development",
    season: "flat",
    where: { open: 0.3 },
    sources: { grid_worker: 0.5, resident: 0.3, department: 1, visit: 0.5, video: 0 },
    texts: ["{place}附近在建项目手续不全，群众反映担心影响周边。"],
    done: ["已转发展改革部门核查，项目手续正在补办中。"],
  },

  // 城市部件
  {
    code: "component.utilities",
    season: "winter",
    where: { open: 2, building: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近热力管线井盖冒热气，周边路面结冰。", "{place}通信线缆脱落下垂，影响通行。"],
    done: ["已通知产权单位维修管线。", "已协调通信运营商重新架设线缆。"],
  },
  {
    code: "component.manhole",
    season: "rain",
    where: { open: 3 },
    sources: VIDEO_FRIENDLY,
    texts: [
      "{place}附近路面井盖破损，存在安全隐患。",
      "{place}雨水井盖丢失，已设置临时警示。",
      "{place}井盖松动，车辆驶过有异响。",
    ],
    done: ["已更换破损井盖，恢复正常。", "已补装井盖并撤除警示标志。"],
  },
  {
    code: "component.street_lamp",
    season: "winter",
    where: { open: 3, building: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近路灯不亮，夜间通行不便。", "{place}路灯杆倾斜，存在倒伏风险。", "{place}连续多盏路灯白天常亮。"],
    done: ["已更换灯具，路灯恢复照明。", "已扶正加固灯杆。"],
  },
  {
    code: "component.hydrant",
    season: "winter",
    where: { open: 1.5, building: 0.5 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近消火栓被撞损，漏水。", "{place}消火栓被车辆遮挡，无法正常使用。"],
    done: ["已维修更换消火栓阀门。", "已清理消火栓周边违停车辆并施划禁停标线。"],
  },
  {
    code: "component.traffic",
    season: "flat",
    where: { open: 3 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近交通标志牌被遮挡。", "{place}路口隔离护栏损坏。", "{place}人行道地砖松动破损。"],
    done: ["已修剪遮挡树枝，标志牌恢复清晰。", "已修复隔离护栏。", "已更换破损地砖。"],
  },
  {
    code: "component.amenity",
    season: "summer",
    where: { open: 2, shop: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近垃圾桶破损，垃圾外溢。", "{place}公共座椅损坏。", "{place}公厕设施损坏，无法正常使用。"],
    done: ["已更换垃圾桶。", "已修复公共座椅。", "已完成公厕维修。"],
  },
  {
    code: "component.greenery",
    season: "summer",
    where: { open: 2, building: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近树木枝叶遮挡路灯和窗户，需修剪。", "{place}绿地护栏损坏，绿地被踩踏。", "{place}行道树倒伏，阻碍通行。"],
    done: ["园林部门已修剪树木枝叶。", "已修复护栏并补植草坪。", "已清理倒伏树木。"],
  },
  {
    code: "component.housing_land",
    season: "rain",
    where: { building: 2 },
    urban: 1.2,
    sources: { grid_worker: 1, resident: 0.6, department: 0.3, visit: 0.2, video: 0 },
    texts: ["{place}外墙瓷砖脱落，存在高空坠物隐患。", "{place}屋顶防水层破损，雨天漏水。"],
    done: ["已设置警戒区域并组织修复外墙。", "已完成屋面防水修缮。"],
  },
  {
    code: "component.other",
    season: "flat",
    where: { open: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近公共设施损坏，需维修。"],
    done: ["已通知产权单位维修，设施恢复正常。"],
  },

  // 城市事件
  {
    code: "event.exposed_garbage",
    season: "summer",
    where: { open: 3, shop: 2, building: 2 },
    village: 1.3,
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近垃圾堆积未及时清运，散发异味。", "{shop}门前垃圾乱堆，影响市容。", "{place}垃圾分类驿站周边垃圾满溢。"],
    done: ["已组织环卫人员清运垃圾，现场已清理干净。", "已督促商户落实门前三包，清理完毕。"],
  },
  {
    code: "event.debris",
    season: "spring",
    where: { building: 3, open: 2 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}楼下装修垃圾长期堆放。", "{place}附近乱堆建筑物料，占用人行道。"],
    done: ["已清运装修垃圾。", "已督促施工方清理堆物，恢复通行。"],
  },
  {
    code: "event.illegal_ads",
    season: "flat",
    where: { shop: 2, open: 2, building: 1 },
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近墙面、电线杆张贴大量非法小广告。", "{shop}附近有人散发小广告。"],
    done: ["已组织清除非法小广告。"],
  },
  {
    code: "event.street_vendor",
    season: "summer",
    where: { shop: 5, open: 2 },
    urban: 1.3,
    sources: VIDEO_FRIENDLY,
    texts: [
      "{shop}门前有流动摊贩占道经营，影响行人通行。",
      "{place}附近夜市占道经营，油烟噪音扰民。",
      "{shop}超出门店占道经营，摆放货架。",
    ],
    done: ["城管队员已劝离占道摊贩，道路恢复畅通。", "已督促商户将货物撤回店内。"],
  },
  {
    code: "event.illegal_parking",
    season: "flat",
    where: { open: 3, building: 2, shop: 1 },
    urban: 1.5,
    sources: VIDEO_FRIENDLY,
    texts: ["{place}附近机动车乱停乱放，堵塞消防通道。", "{place}共享单车大量堆积，占用盲道。", "{shop}门前车辆违停，影响通行。"],
    done: ["已通知交警贴单处理，违停车辆已驶离。", "已协调共享单车企业清运车辆。"],
  },
  {
    code: "event.construction_noise",
    season: "summer",
    where: { building: 2, open: 1 },
    urban: 1.6,
    sources: { grid_worker: 0.8, resident: 1.5, department: 0.3, visit: 0.1, video: 0 },
    texts: ["{place}附近工地夜间施工，噪音扰民。", "{place}附近工地未覆盖土方，扬尘严重。"],
    done: ["已约谈施工单位，夜间22时后停止高噪音作业。", "已督促施工单位覆盖裸土并洒水降尘。"],
  },
  {
    code: "event.illegal_building",
    season: "spring",
    where: { building: 2, open: 0.5 },
    village: 2,
    sources: { grid_worker: 1.2, resident: 0.6, department: 0.6, visit: 0.3, video: 0.2 },
    texts: ["{place}顶楼违规加盖彩钢房。", "{place}一层住户私自扩建院墙，占用公共绿地。", "{place}附近正在进行违法建设。"],
    done: ["已下达限期拆除通知书，违建已自行拆除。", "已组织拆除违法建设，恢复原状。"],
  },
  {
    code: "event.emergency",
    season: "rain",
    where: { open: 0.12, building: 0.08 },
    sources: { grid_worker: 1, resident: 0.8, department: 1, visit: 0, video: 0.8 },
    texts: [
      "{place}附近发生燃气泄漏，已疏散周边群众。",
      "{place}附近突降暴雨，低洼处积水较深，有车辆被困。",
      "{place}一处老旧房屋墙体开裂，存在倒塌危险。",
    ],
    done: ["已联合燃气公司完成抢修，险情已排除。", "已组织排水抢险，被困车辆已拖离。", "已转移住户并对房屋进行加固。"],
  },
];

/** A 12345 order's topic: filed under one of the four hotline kinds. */
export type HotlineTopic = {
  kind: "consultation" | "suggestion" | "report" | "complaint";
  season: Season;
  weight: number;
  where: Partial<Record<Place, number>>;
  texts: readonly string[];
  done: readonly string[];
};

export const HOTLINE_TOPICS: readonly HotlineTopic[] = [
  {
    kind: "complaint",
    season: "summer",
    weight: 10,
    where: { building: 3, open: 1 },
    texts: [
      "市民来电反映：{place}附近工地夜间施工，噪音严重影响休息，要求处理。",
      "市民来电反映：{place}楼下广场舞音响声音过大，影响居民休息。",
    ],
    done: ["经核实，已约谈施工单位调整作业时间，并向市民反馈。", "已协调广场舞队伍调低音量、调整活动时间。"],
  },
  {
    kind: "complaint",
    season: "winter",
    weight: 14,
    where: { building: 4 },
    texts: [
      "市民来电反映：{place}家中暖气不热，室温不足16℃，要求供热单位处理。",
      "市民来电反映：{place}供暖管道漏水，物业不予维修。",
    ],
    done: ["已协调供热公司入户检修，室温已达标。", "已督促物业更换漏水管件，恢复正常供暖。"],
  },
  {
    kind: "complaint",
    season: "flat",
    weight: 9,
    where: { building: 4 },
    texts: [
      "市民来电反映：{place}物业服务差，楼道卫生长期无人打扫。",
      "市民来电反映：{place}电梯频繁故障，物业维修不及时。",
      "市民来电反映：{place}楼上住户漏水，协商无果。",
    ],
    done: [
      "已督促物业公司落实保洁责任，楼道已清扫干净。",
      "已协调电梯维保单位检修，电梯恢复运行。",
      "已组织双方协商，漏水问题已修复。",
    ],
  },
  {
    kind: "complaint",
    season: "summer",
    weight: 7,
    where: { building: 2, open: 2, shop: 1 },
    texts: ["市民来电反映：{place}附近垃圾清运不及时，异味严重。", "市民来电反映：{shop}油烟直排，影响周边居民生活。"],
    done: ["已协调环卫部门增加清运频次。", "已督促商户加装油烟净化设施。"],
  },
  {
    kind: "complaint",
    season: "flat",
    weight: 6,
    where: { open: 2, building: 2 },
    texts: ["市民来电反映：{place}附近车辆乱停，堵塞小区出入口。", "市民来电反映：{place}附近停车位被地锁占用。"],
    done: ["已协调交警加强违停治理。", "已拆除私装地锁，恢复公共停车位。"],
  },
  {
    kind: "complaint",
    season: "rain",
    weight: 3,
    where: { building: 2, open: 1 },
    texts: ["市民来电反映：{place}一带突然停水，未提前通知。", "市民来电反映：{place}雨后地下室进水。"],
    done: ["已联系供水单位抢修，已恢复供水。", "已组织排水并修复防水设施。"],
  },
  {
    kind: "report",
    season: "spring",
    weight: 4,
    where: { building: 3 },
    texts: ["市民来电举报：{place}有人违规加盖房屋。", "市民来电举报：{place}存在群租现象，人员进出复杂。"],
    done: ["经核查属实，违建已拆除。", "已会同派出所检查，群租问题已整改。"],
  },
  {
    kind: "report",
    season: "summer",
    weight: 4,
    where: { shop: 4 },
    texts: ["市民来电举报：{shop}销售过期食品。", "市民来电举报：{shop}无证经营。", "市民来电举报：{shop}占道经营，影响通行。"],
    done: ["市场监管部门已现场检查并依法处理。", "已责令商户停止无证经营并办理手续。", "已督促商户退回店内经营。"],
  },
  {
    kind: "report",
    season: "harvest",
    weight: 1.5,
    where: { open: 2 },
    texts: ["市民来电举报：{place}附近有人焚烧垃圾，浓烟扰民。"],
    done: ["已现场处置，火点已扑灭，对当事人进行教育。"],
  },
  {
    kind: "consultation",
    season: "winter",
    weight: 5,
    where: { building: 3 },
    texts: ["市民来电咨询：{place}供暖费缴纳方式及补贴政策。", "市民来电咨询：老旧小区加装电梯的申请流程（{place}）。"],
    done: ["已向市民详细解答相关政策和办理流程。"],
  },
  {
    kind: "consultation",
    season: "spring",
    weight: 6,
    where: { building: 3 },
    texts: [
      "市民来电咨询：子女入学所需材料及户籍要求（{place}）。",
      "市民来电咨询：居住证办理流程（{place}）。",
      "市民来电咨询：社保卡补办地点和所需材料（{place}）。",
    ],
    done: ["已电话答复市民，告知办理材料和地点。"],
  },
  {
    kind: "suggestion",
    season: "flat",
    weight: 3,
    where: { open: 2, building: 1 },
    texts: [
      "市民来电建议：在{place}附近增设路灯。",
      "市民来电建议：在{place}附近增设健身器材和休闲座椅。",
      "市民来电建议：{place}附近增设公交站点。",
    ],
    done: ["已将建议转交相关部门研究，并向市民反馈。", "建议已采纳，已列入年度实施计划。"],
  },
];

/** How each source's hotline-style volume splits over places (a camera never sees a flat). */
export const SOURCE_PLACES: Readonly<Record<CaseSource, Partial<Record<Place, number>>>> = {
  grid_worker: { building: 0.45, shop: 0.15, open: 0.4 },
  hotline: { building: 0.65, shop: 0.15, open: 0.2 },
  resident: { building: 0.7, shop: 0.1, open: 0.2 },
  department: { building: 0.3, shop: 0.3, open: 0.4 },
  visit: { building: 0.9, open: 0.1 },
  video: { shop: 0.4, open: 0.6 },
};

/** The share of each source in a year of cases. */
export const SOURCE_SHARES: readonly (readonly [CaseSource, number])[] = [
  ["grid_worker", 0.55],
  ["hotline", 0.3],
  ["resident", 0.06],
  ["department", 0.04],
  ["visit", 0.03],
  ["video", 0.02],
];

/** Why an office refuses to file a report (不予立案). */
export const CANCEL_NOTES = [
  "经核实，不属于受理范围，已告知反映人其他解决途径。",
  "重复上报，已与原案件合并处理。",
  "经现场核实，反映的问题不存在。",
  "反映人撤回诉求。",
];
/** Why an office hangs a case up (挂账). */
export const SUSPEND_NOTES = [
  "涉及历史遗留问题，需待政策明确后解决，列入挂账。",
  "整改需列入下一年度财政资金计划，暂时挂账。",
  "涉及规划调整，近期无法解决，列入挂账管理。",
  "当事人已起诉，待法院判决后处理，暂挂账。",
];
