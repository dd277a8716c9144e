/**
 * Word lists for believable Chinese names: people (surname frequencies close to the 2020 national
 * ranking, given names by gender and birth era), estates (小区), shops, enterprises and roads.
 */
import { weightedPicker, type Rng } from "./random";

/** Top surnames with their approximate share in per mille (2020 household registration statistics). */
const SURNAMES: [string, number][] = [
  ["王", 71],
  ["李", 70],
  ["张", 63],
  ["刘", 53],
  ["陈", 45],
  ["杨", 31],
  ["赵", 20],
  ["黄", 22],
  ["周", 18],
  ["吴", 19],
  ["徐", 15],
  ["孙", 15],
  ["胡", 12],
  ["朱", 13],
  ["高", 10],
  ["林", 10],
  ["何", 11],
  ["郭", 12],
  ["马", 13],
  ["罗", 9],
  ["梁", 9],
  ["宋", 7],
  ["郑", 9],
  ["谢", 8],
  ["韩", 6],
  ["唐", 7],
  ["冯", 6],
  ["于", 4],
  ["董", 5],
  ["萧", 1],
  ["程", 4],
  ["曹", 6],
  ["袁", 5],
  ["邓", 6],
  ["许", 6],
  ["傅", 2],
  ["沈", 3],
  ["曾", 5],
  ["彭", 5],
  ["吕", 3],
  ["苏", 3],
  ["卢", 3],
  ["蒋", 4],
  ["蔡", 4],
  ["贾", 2],
  ["丁", 3],
  ["魏", 3],
  ["薛", 2],
  ["叶", 4],
  ["阎", 1],
  ["余", 4],
  ["潘", 4],
  ["杜", 4],
  ["戴", 1],
  ["夏", 2],
  ["钟", 3],
  ["汪", 2],
  ["田", 5],
  ["任", 3],
  ["姜", 3],
  ["范", 2],
  ["方", 2],
  ["石", 2],
  ["姚", 3],
  ["谭", 3],
  ["廖", 2],
  ["邹", 2],
  ["熊", 2],
  ["金", 2],
  ["陆", 3],
  ["郝", 1],
  ["孔", 1],
  ["白", 2],
  ["崔", 3],
  ["康", 1],
  ["毛", 1],
  ["邱", 2],
  ["秦", 2],
  ["江", 2],
  ["史", 2],
  ["顾", 1],
  ["侯", 2],
  ["邵", 1],
  ["孟", 2],
  ["龙", 2],
  ["万", 1],
  ["段", 2],
  ["雷", 2],
  ["钱", 1],
  ["汤", 1],
  ["尹", 2],
  ["黎", 1],
  ["易", 1],
  ["常", 1],
  ["武", 1],
  ["乔", 1],
  ["贺", 1],
  ["赖", 1],
  ["龚", 1],
  ["文", 1],
  ["肖", 5],
  ["闫", 2],
  ["付", 2],
  ["韦", 2],
  ["严", 1],
  ["陶", 1],
  ["欧阳", 0.5],
  ["司马", 0.1],
  ["上官", 0.1],
  ["诸葛", 0.1],
];

export const pickSurname = weightedPicker(SURNAMES);

/** Given names by gender and birth era: older generations favour 建国/秀英, younger 子涵/梓轩. */
const GIVEN = {
  M: {
    old: [
      "建国",
      "建军",
      "国强",
      "振华",
      "志明",
      "德明",
      "国庆",
      "文华",
      "玉林",
      "长青",
      "树林",
      "福海",
      "宝山",
      "永胜",
      "德胜",
      "金山",
      "广才",
      "有才",
      "树森",
      "永福",
    ],
    mid: [
      "伟",
      "强",
      "磊",
      "军",
      "勇",
      "杰",
      "涛",
      "斌",
      "超",
      "明",
      "刚",
      "平",
      "辉",
      "鹏",
      "华",
      "飞",
      "海波",
      "志强",
      "建华",
      "晓东",
      "俊杰",
      "立新",
      "红军",
      "春生",
      "志刚",
      "海涛",
      "文斌",
      "国栋",
      "宏伟",
      "永强",
    ],
    young: [
      "浩然",
      "宇轩",
      "子豪",
      "梓轩",
      "浩宇",
      "俊熙",
      "子墨",
      "一鸣",
      "思远",
      "博文",
      "天佑",
      "皓轩",
      "宇航",
      "明哲",
      "嘉豪",
      "睿",
      "航",
      "晨",
      "昊",
      "宸",
      "铭",
      "锦程",
      "子恒",
      "奕辰",
      "泽宇",
    ],
  },
  F: {
    old: [
      "秀英",
      "桂英",
      "秀兰",
      "玉兰",
      "桂兰",
      "凤英",
      "玉珍",
      "秀珍",
      "淑珍",
      "凤兰",
      "秀云",
      "桂珍",
      "玉梅",
      "淑兰",
      "素芬",
      "翠花",
      "桂芳",
      "玉华",
      "淑英",
      "桂香",
    ],
    mid: [
      "芳",
      "娜",
      "敏",
      "静",
      "丽",
      "艳",
      "娟",
      "霞",
      "燕",
      "玲",
      "丹",
      "萍",
      "红",
      "晶",
      "雪",
      "丽娟",
      "海燕",
      "晓燕",
      "春梅",
      "丽华",
      "淑华",
      "红梅",
      "婷婷",
      "丽丽",
      "小红",
      "慧敏",
      "雅琴",
      "美玲",
      "秀梅",
      "晓丽",
    ],
    young: [
      "子涵",
      "欣怡",
      "梓涵",
      "诗涵",
      "雨桐",
      "一诺",
      "可馨",
      "思琪",
      "梦瑶",
      "雨欣",
      "佳怡",
      "语嫣",
      "紫萱",
      "若曦",
      "悦",
      "琳",
      "萱",
      "妍",
      "瑶",
      "婧",
      "书瑶",
      "安琪",
      "梓萱",
      "沐阳",
      "诗雨",
    ],
  },
} as const;

/** Characters that combine into two-character given names (and serve as one-character names). */
const CHARS = {
  M: "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘",
  F: "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽",
} as const;

/** A given name for someone of `gender` born in `year`. */
export function pickGivenName(rng: Rng, gender: "M" | "F", year: number): string {
  const era = year < 1960 ? "old" : year < 1990 ? "mid" : "young";
  if (rng.chance(0.55)) return rng.pick(GIVEN[gender][era]);
  const chars = CHARS[gender];
  const a = chars[Math.floor(rng.next() * chars.length)];
  // One-character given names peaked among people born 1970–2000.
  if (rng.chance(era === "mid" ? 0.3 : 0.12)) return a;
  let b = chars[Math.floor(rng.next() * chars.length)];
  if (b === a && rng.chance(0.7)) b = chars[Math.floor(rng.next() * chars.length)];
  return a + b;
}

const ESTATE_WORDS = [
  "怡景",
  "翠屏",
  "运河",
  "新华",
  "京洲",
  "华业",
  "东方",
  "金地",
  "阳光",
  "和谐",
  "格林",
  "龙湖",
  "保利",
  "远洋",
  "首开",
  "中铁",
  "万科",
  "富力",
  "天时",
  "瑞都",
  "玉桥",
  "临河",
  "云景",
  "通惠",
  "紫运",
  "北苑",
  "西上园",
  "梨园",
  "新城",
  "滨河",
  "嘉和",
  "长安",
  "世纪",
  "星河",
  "锦绣",
  "丽景",
  "康居",
  "怡和",
  "荣华",
  "泰和",
  "明珠",
  "春晖",
  "枫林",
  "雅居",
  "月季",
  "芳园",
  "翠景",
  "东润",
  "润景",
  "城市",
];
const ESTATE_SUFFIX = [
  "家园",
  "花园",
  "嘉园",
  "小区",
  "新城",
  "公寓",
  "雅苑",
  "名苑",
  "佳园",
  "北里",
  "南里",
  "东里",
  "西里",
  "园",
  "苑",
  "里",
  "湾",
  "府",
  "国际",
  "华庭",
  "馨苑",
  "丽园",
  "枫景",
  "美居",
];
const HOUSING_ENDING = /(园|苑|里|区|居|湾|城|府|庭|墅|寓|家园|花园)$/;

/**
 * A 小区 name unique within its community. The first takes after the community itself when its name
 * already sounds like an estate ("运乔嘉园社区" → "运乔嘉园"), as is common for urban communities.
 */
export function pickEstateName(rng: Rng, communityName: string, index: number, used: Set<string>): string {
  const base = communityName.replace(/社区$/, "");
  const candidates: string[] = [];
  if (index === 0) candidates.push(HOUSING_ENDING.test(base) ? base : `${base}小区`);
  if (index > 0 && rng.chance(0.35))
    candidates.push(`${base}${rng.pick(["北区", "南区", "东区", "西区", "二期", "三期", "北里", "南里"])}`);
  for (let i = 0; i < 20; i++) candidates.push(rng.pick(ESTATE_WORDS) + rng.pick(ESTATE_SUFFIX));
  for (const c of candidates) {
    if (!used.has(c)) {
      used.add(c);
      return c;
    }
  }
  const fallback = `${base}${index + 1}号院`;
  used.add(fallback);
  return fallback;
}

const CHINESE_NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 1 → 一, 12 → 十二 (片区 and 组 numbering). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}`;
  return `${CHINESE_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_NUMERALS[n % 10] : ""}`;
}

const SHOP_KINDS = [
  "超市",
  "便利店",
  "餐馆",
  "面馆",
  "理发店",
  "药店",
  "水果店",
  "五金店",
  "干洗店",
  "烟酒店",
  "快递驿站",
  "早点铺",
  "烧烤店",
  "火锅店",
  "眼镜店",
  "手机店",
  "花店",
  "蛋糕店",
  "书店",
  "洗车行",
  "诊所",
  "粮油店",
  "茶叶店",
  "母婴店",
  "宠物店",
];
const SHOP_PREFIX = [
  "好邻居",
  "鑫源",
  "福满多",
  "老北京",
  "惠民",
  "家和",
  "百姓",
  "金城",
  "兴隆",
  "德顺",
  "和记",
  "永盛",
  "利民",
  "顺心",
  "佳佳",
  "小刘",
  "老王",
  "阿强",
  "诚信",
  "聚福",
  "美味",
  "一品",
  "万家",
  "康宁",
  "春风",
];
const FIRM_WORDS = [
  "华通",
  "运河",
  "京东方",
  "瑞达",
  "恒信",
  "博远",
  "中科",
  "天成",
  "鼎盛",
  "鸿运",
  "东升",
  "金桥",
  "润泽",
  "宏图",
  "新源",
  "卓越",
  "联创",
  "安泰",
  "佳禾",
  "同创",
  "华夏",
  "通达",
  "盛世",
  "远航",
  "信达",
];
const FIRM_TRADES = [
  "科技有限公司",
  "物流有限公司",
  "建筑工程有限公司",
  "商贸有限公司",
  "文化传媒有限公司",
  "餐饮管理有限公司",
  "物业管理有限公司",
  "机械设备有限公司",
  "食品有限公司",
  "印刷有限公司",
  "汽车服务有限公司",
  "医药有限公司",
  "环保科技有限公司",
  "家政服务有限公司",
  "装饰工程有限公司",
];
const SOCIAL_KINDS = [
  "志愿者协会",
  "老年协会",
  "文体队",
  "书画社",
  "舞蹈队",
  "调解委员会",
  "红白理事会",
  "妇女之家",
  "青年志愿服务队",
  "党员服务队",
  "残疾人协会",
  "合唱团",
];

/** City name used in enterprise names: "北京" for Beijing's districts, else the district's own name. */
export function firmPlace(districtCode: string, districtName: string): string {
  return districtCode.startsWith("11") ? "北京" : districtName.replace(/(区|县|市)$/, "");
}

export function pickShopName(rng: Rng): string {
  return rng.pick(SHOP_PREFIX) + rng.pick(SHOP_KINDS);
}

export function pickEnterpriseName(rng: Rng, place: string): string {
  return place + rng.pick(FIRM_WORDS) + rng.pick(FIRM_TRADES);
}

export function pickSocialName(rng: Rng, communityName: string): string {
  return communityName + rng.pick(SOCIAL_KINDS);
}

/** Work units for household records (the head's employer), beside 个体 and 务农. */
export function pickWorkUnit(rng: Rng, place: string, village: boolean): string {
  const x = rng.next();
  if (village && x < 0.35) return "务农";
  if (x < 0.5) return "个体经营";
  if (x < 0.62)
    return rng.pick([
      "区教委",
      "区卫健委",
      "区城管委",
      "区人民医院",
      "区第一中学",
      "街道办事处",
      "区税务局",
      "区公安分局",
      "区供电公司",
      "区自来水公司",
    ]);
  return pickEnterpriseName(rng, place);
}

/** Names for the roads of an unknown district (Tongzhou has its own list in features.ts). */
export const GENERIC_MAJOR_ROADS = ["迎宾大道", "建设路", "人民路", "解放路", "环城路", "工业大道", "新华路", "开发大道"];
export const GENERIC_RIVERS = ["清水河", "白马河", "长河", "沙河", "玉带河"];
export const GENERIC_LAKES = ["东湖", "西湖", "月亮湖", "镜湖", "翠湖", "莲花池"];
export const STREET_ROAD_NAMES = ["中街", "大街", "北路", "南路", "东路", "西路", "一街", "二街", "三街", "四街", "五街", "六街"];
