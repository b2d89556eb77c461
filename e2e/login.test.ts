/**
 * (d) A wrong password shows the server's message; pages need a session; logging out
 * and losing the session (a 401 from any call) both lead to the login page.
 */
import { expect } from "vitest";
import { loginFirstTime, submitLogin, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, dataDir, test } from "./support/fixture.ts";
import { addUser } from "./support/server.ts";

test("a page without a session goes to the login page", async ({ page }) => {
  await page.goto(`${baseUrl}/audit`);
  await page.waitForURL(`${baseUrl}/login`);
  await page.getByTestId("login-submit").click();
  await page.getByText("请输入用户名").waitFor();
});

test("a wrong password shows the server's message as it is, in the UI's language", async ({
  page,
}) => {
  await submitLogin(page, baseUrl, uniqueName("nobody"), "not-the-password-1A");
  const alert = page.getByTestId("error-alert");
  await alert.waitFor();
  expect(((await alert.textContent()) ?? "").trim()).toBe("用户名或密码错误");
  expect(page.url()).toBe(`${baseUrl}/login`);
  expect(await page.getByLabel("密码").inputValue()).toBe("");
  await screenshot(page, "login-error");
});

test("logout, and a session lost on the server, lead to the login page", async ({
  page,
  context,
}) => {
  const user = await addUser(dataDir, {
    username: uniqueName("reader"),
    displayName: "查阅人丙",
    role: "read_only",
  });
  const password = await loginFirstTime(page, baseUrl, user.username, user.password);
  await page.getByTestId("logout").click();
  await page.waitForURL(`${baseUrl}/login`);

  await submitLogin(page, baseUrl, user.username, password);
  await page.waitForURL(`${baseUrl}/`);
  // the home page has loaded (the unit's name comes from the API)
  await expect.poll(() => page.getByTestId("my-unit").textContent()).toMatch(/^[^#]+$/);
  await context.clearCookies(); // the next API call answers 401
  await page.getByTestId("deadline-compute").click();
  await page.waitForURL(`${baseUrl}/login`);
});
