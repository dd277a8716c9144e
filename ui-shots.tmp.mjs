import { chromium } from "@playwright/test";
const [out, ...specs] = process.argv.slice(2);
const base = `http://localhost:${process.env.E2E_PORT}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless=new"] });
for (const spec of specs) {
  const [account, path, name] = spec.split("|");
  const ctx = await browser.newContext({ storageState: `test-results/auth/${account}.json`, viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await ctx.newPage();
  const r = await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(name, r?.status());
  await ctx.close();
}
await browser.close();
