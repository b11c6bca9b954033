/**
 * Full-page screenshots of the main pages in every locale, at desktop and mobile widths,
 * taken from the real app (fresh SQLite database, demo seed) in Debian's Chromium.
 *   node --import tsx scripts/screenshots.ts [outdir]     (default: screenshots/, gitignored)
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { LOCALES } from "../src/i18n/locales.ts";
import { launchBrowser, type RunningApp, startApp } from "../test/support/browser.ts";

const outDir = path.resolve(process.argv[2] ?? "screenshots");
const ADMIN = { email: "screenshots-admin@example.kz", password: "correct horse battery staple" };

const VIEWPORTS = [
  { name: "desktop", options: { viewport: { width: 1280, height: 800 } } },
  { name: "mobile", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

const PUBLIC_PAGES = [
  { name: "home", path: "" },
  { name: "territories", path: "/territories" },
  { name: "territory-wenzhou", path: "/territories/wenzhou" },
  { name: "territory-turkistan-city", path: "/territories/turkistan-city" },
] as const;

async function shoot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  process.stdout.write(`  ${file}\n`);
}

async function signIn(app: RunningApp, context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/en/login`);
  await page.fill("#email", ADMIN.email);
  await page.fill("#password", ADMIN.password);
  await Promise.all([page.waitForURL(`${app.baseUrl}/en`), page.click("main form button[type=submit]")]);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  try {
    [browser, app] = await Promise.all([launchBrowser(), startApp("sqlite")]);
    await app.testApp.services.accounts.createUser({ ...ADMIN, displayName: "Screenshot Admin", role: "admin" });
    for (const viewport of VIEWPORTS) {
      const visitor = await browser.newContext(viewport.options);
      const admin = await browser.newContext(viewport.options);
      await signIn(app, admin);
      const visitorPage = await visitor.newPage();
      const adminPage = await admin.newPage();
      for (const locale of LOCALES) {
        for (const p of PUBLIC_PAGES) {
          const res = await visitorPage.goto(`${app.baseUrl}/${locale}${p.path}`);
          if (res?.status() !== 200) process.stderr.write(`! /${locale}${p.path} answered ${res?.status()}\n`);
          await shoot(visitorPage, `${locale}-${p.name}-${viewport.name}.png`);
        }
        await visitorPage.goto(`${app.baseUrl}/${locale}/login`);
        // A different address each time: repeated failures for one address would lock it and show "too many attempts".
        await visitorPage.fill("#email", `someone-${locale}-${viewport.name}@example.kz`);
        await visitorPage.fill("#password", "wrong password");
        await Promise.all([visitorPage.waitForLoadState("load"), visitorPage.click("main form button[type=submit]")]);
        await visitorPage.waitForSelector('[role="alert"]');
        await shoot(visitorPage, `${locale}-login-error-${viewport.name}.png`);

        const res = await adminPage.goto(`${app.baseUrl}/${locale}/admin/users`);
        if (res?.status() !== 200) process.stderr.write(`! /${locale}/admin/users answered ${res?.status()}\n`);
        await shoot(adminPage, `${locale}-admin-users-${viewport.name}.png`);
      }
      await visitor.close();
      await admin.close();
    }
    process.stdout.write(`Screenshots in ${outDir}\n`);
  } finally {
    await browser?.close();
    await app?.close();
  }
}

await main();
