import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { preferredLocale } from "../http/middleware/locale.ts";
import { negotiateLocale } from "./locales.ts";

describe("locale negotiation", () => {
  it("reads Accept-Language with q-values", () => {
    assert.equal(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8"), "zh");
    assert.equal(negotiateLocale("de-DE, ru;q=0.7, en;q=0.9"), "en");
    assert.equal(negotiateLocale("kk-KZ"), "kk");
    assert.equal(negotiateLocale("kk-Latn-KZ"), "kk-latn");
    assert.equal(negotiateLocale("fr, de"), undefined);
    assert.equal(negotiateLocale("ru;q=0"), undefined);
  });

  it("prefers the cookie, then the header, then Kazakh", () => {
    assert.equal(preferredLocale("en", "zh"), "en");
    assert.equal(preferredLocale("xx", "ru"), "ru");
    assert.equal(preferredLocale(undefined, undefined), "kk");
  });
});
