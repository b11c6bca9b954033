import { IntlMessageFormat } from "intl-messageformat";
import { readFileSync } from "node:fs";
const m = JSON.parse(readFileSync("/tmp/coopmsg/messages.json", "utf8"));
let bad = 0;
for (const [k, v] of Object.entries(m)) for (const [l, s] of Object.entries(v)) { try { new IntlMessageFormat(s, l === "zh" ? "zh-Hans" : l).format({count: 2, value: "1", n: 1, id: 1, date: "d", name: "n", query: "q", alias: "a", what: "w", title: "t", rate: "r", currency: "KZT"}); } catch (e) { bad++; console.log(k, l, e.message); } }
console.log("bad", bad);
