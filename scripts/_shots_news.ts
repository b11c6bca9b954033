import { mkdirSync } from "node:fs";
import { launchBrowser, startApp } from "../test/support/browser.ts";
const out = "/tmp/news-shots";
mkdirSync(out, { recursive: true });
const [browser, app] = await Promise.all([launchBrowser(), startApp("sqlite")]);
const pages = (process.argv[2] ?? "kk/news/turkistan-wenzhou-meeting,zh/news/turkistan-wenzhou-meeting,kk/news,zh/news,zh/news/sauran-small-industrial-park").split(",");
for (const [vw, opts] of [["d", { viewport: { width: 1280, height: 800 } }], ["m", { viewport: { width: 390, height: 844 }, isMobile: true }]] as const) {
  const ctx = await browser.newContext(opts);
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto(`${app.baseUrl}/${p}`);
    await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = true; });
    const file = `${out}/${p.replace(/[/?=&]/g, "_")}-${vw}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await ctx.close();
}
await browser.close();
await app.close();
