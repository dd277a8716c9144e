import { expect, type Browser, type Page } from "@playwright/test";
import { storageStateOf, type E2eAccount } from "../support/accounts";

/**
 * A given/when/then driver for the case loop: opens a page as a demo role, takes a step on the case page
 * (the button, its form, the submit) and reads the state, the level and the light back from the page.
 */
export function caseDriver(browser: Browser) {
  const pages = new Map<E2eAccount, Page>();
  const as = async (account: E2eAccount) => {
    let page = pages.get(account);
    if (!page) {
      const context = await browser.newContext({
        storageState: storageStateOf(account),
        viewport: { width: 1440, height: 900 },
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      });
      page = await context.newPage();
      page.on("pageerror", (error) => {
        throw error;
      });
      pages.set(account, page);
    }
    return page;
  };

  return {
    as,
    async openCase(account: E2eAccount, caseId: number) {
      const page = await as(account);
      await page.goto(`/cases/${caseId}`);
      await expect(page.getByTestId("case-page")).toBeVisible();
      return page;
    },
    /** Clicks the step's button, fills its form and waits for the page to show the new state. */
    async step(
      account: E2eAccount,
      caseId: number,
      action: string,
      fill: (page: Page) => Promise<unknown> = async () => {},
      expectState?: string,
    ) {
      const page = await this.openCase(account, caseId);
      const version = Number(await page.getByTestId("case-page").getAttribute("data-version"));
      await page.getByTestId(`case-action-${action}`).click();
      await expect(page.getByTestId("case-action-form")).toBeVisible();
      await fill(page);
      await page.getByTestId("case-action-submit").click();
      await expect(page.getByTestId("case-page")).not.toHaveAttribute("data-version", String(version));
      if (expectState) await expect(page.getByTestId("case-page")).toHaveAttribute("data-state", expectState);
      return page;
    },
    async close() {
      for (const page of pages.values()) await page.context().close();
    },
  };
}
