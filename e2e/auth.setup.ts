import { expect, test as setup } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD, storageStateOf, type E2eAccount } from "./support/accounts";

/**
 * Signs each demo account in once through the real sign-in form and keeps its cookies, so every spec
 * starts as a given role (one storage state per role) without typing the password again.
 */
for (const account of Object.keys(E2E_ACCOUNTS) as E2eAccount[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-username").fill(E2E_ACCOUNTS[account]);
    await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
    await page.getByTestId("sign-in-submit").click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "gridatlas_session")?.httpOnly).toBe(true);
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
