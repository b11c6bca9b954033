import { createTestApp } from "../test/support/test-app.ts";
const t = await createTestApp("sqlite");
for (const p of ["/kk/news", "/zh/news", "/kk/news/turkistan-wenzhou-meeting", "/kk-latn/news/turkistan-wenzhou-meeting", "/zh/news/sauran-small-industrial-park", "/en/news/rss.xml", "/ru/news/atom.xml", "/sitemap.xml", "/en/search?q=Вэньчжоу", "/api/v1/news", "/api/v1/news/turkistan-wenzhou-meeting", "/api/v1/search?q=wenzhou", "/en/news?tag=wenzhou"]) {
  const r = await t.app.request(p);
  const text = await r.text();
  console.log(r.status, p, text.length, r.status >= 400 ? text.slice(0, 300) : "");
}
const ed = await t.signIn("editor");
for (const p of ["/en/admin/news", "/en/admin/news/new", "/en/admin/news/turan-sez-area-figures/edit", "/en/admin/news/turan-sez-area-figures/preview", "/en/admin/news/comments"]) {
  const r = await ed.client.get(p);
  const text = await r.text();
  console.log(r.status, p, text.length, r.status >= 400 ? text.slice(0, 500) : "");
}
console.log(t.logs.filter((l) => l.includes("unhandled")).join("\n").slice(0, 3000));
await t.close();
