import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const [base, out, ...paths] = process.argv.slice(2);
for (const [i, p] of paths.entries()) {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(base + p);
    await page.screenshot({ path: `${out}/${i}-${width}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
