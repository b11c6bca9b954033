import { createTestApp } from "/work/main/test/support/test-app.ts";
const t = await createTestApp("sqlite");
const keys = new Set<string>();
for (const r of t.app.routes) if (r.method !== "ALL") keys.add(`${r.method} ${r.path}`);
const { PERMISSIONS } = await import("/work/main/test/permissions.table.ts");
console.log([...keys].filter(k => !(k in PERMISSIONS)).sort().join("\n"));
await t.close();
