import { createTestApp } from "/work/main/test/support/test-app.ts";
const t = await createTestApp((process.argv[2] ?? "sqlite") as "sqlite");
const c = t.services.cooperation;
console.log(JSON.stringify((await c.search("Қозыбеков")).map(h=>[h.type,h.name.en,h.matched])));
for (const q of ["温州","Wenzhou","Вэньчжоу","Уэньчжоу"]) console.log(q, JSON.stringify((await c.search(q)).map(h=>[h.type,h.name.en,h.matched])));
console.log(JSON.stringify(await c.statistics(), null, 0).slice(0, 1500));
const p = await c.partner("wenzhou"); console.log(JSON.stringify(p).slice(0,800));
console.log(JSON.stringify((await c.getProject(1)).history));
await t.close();
