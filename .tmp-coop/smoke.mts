import { createTestApp } from "/work/main/test/support/test-app.ts";
import { withStatementCounter } from "/work/main/src/db/statement-counter.ts";
const t = await createTestApp((process.argv[2] ?? "sqlite") as "sqlite");
for (const p of ["/zh/partners", "/zh/partners/wenzhou", "/kk/partners?q=Қозыбеков", "/en/agreements/1", "/kk-latn/projects/1", "/ru/projects/2", "/en/projects/3", "/zh/delegations/1", "/en/statistics", "/en/statistics/conversion.csv", "/api/v1/partners", "/api/v1/projects/1", "/api/v1/statistics", "/api/v1/registry/search?q=%E6%B8%A9%E5%B7%9E", "/en/agreements/99", "/en/agreements/abc"]) {
  const { result, counter } = withStatementCounter(() => t.app.request(p));
  const res = await result;
  const body = await res.text();
  console.log(res.status, counter.statements, p, res.status >= 400 || p.endsWith(".csv") ? body.slice(0, 300) : "");
}
const { client } = await t.signIn("manager");
for (const p of ["/en/admin/registry", "/zh/admin/projects/board", "/kk/admin/follow-ups", "/en/admin/registry.xlsx", "/en/admin/organisations", "/ru/admin/agreements/1/edit", "/en/admin/delegations/1/edit", "/en/admin/projects/1/edit", "/en/admin/people/1/edit", "/en/admin/indicators/new", "/en/admin/ties/1/edit", "/en/admin/organisations/1/edit"]) {
  const res = await client.get(p);
  const body = await res.text();
  console.log(res.status, p, res.status >= 400 ? body.slice(0, 500) : body.length);
}
await t.close();
