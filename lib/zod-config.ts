import { z } from "zod";

/**
 * zod's own messages in Chinese ("无效输入：期望 string，实际接收 数字"), set once for the whole process:
 * most schemas name their own text, but the ones that do not (a missing field, a wrong type) would
 * otherwise answer a 400 in English. lib/errors.ts imports this, so every process that parses input loads it.
 */
z.config(z.locales.zhCN());
