import type { I18n } from "../../i18n/i18n.ts";
import { LOCALE_TAG, LOCALES } from "../../i18n/locales.ts";
import { renderMarkdown } from "./news.markdown.ts";
import type { Article } from "./news.schemas.ts";
import { pickTranslation } from "./news.service.ts";

/** RSS 2.0, Atom 1.0 and the sitemap, written by hand: small, escaped, and valid XML whatever the text holds. */

// XML 1.0 forbids most control characters and unpaired surrogates; a stored story may contain them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

interface FeedContext {
  origin: string;
  locale: (typeof LOCALES)[number];
  i18n: I18n;
  title: string;
  description: string;
}

function entryOf(ctx: FeedContext, a: Article) {
  const { translation } = pickTranslation(a, ctx.locale);
  const url = `${ctx.origin}/${ctx.locale}/news/${a.slug}`;
  return {
    url,
    title: ctx.i18n.script(translation.title),
    lead: ctx.i18n.script(translation.lead),
    html: renderMarkdown(ctx.i18n.script(translation.body)),
    published: a.publishedAt ?? a.updatedAt,
    updated: a.updatedAt,
  };
}

export function rssXml(ctx: FeedContext, articles: Article[]): string {
  const self = `${ctx.origin}/${ctx.locale}/news/rss.xml`;
  const items = articles.map((a) => {
    const e = entryOf(ctx, a);
    return [
      "<item>",
      `<title>${xmlEscape(e.title)}</title>`,
      `<link>${xmlEscape(e.url)}</link>`,
      `<guid isPermaLink="true">${xmlEscape(e.url)}</guid>`,
      `<pubDate>${rfc822(e.published)}</pubDate>`,
      `<description>${xmlEscape(e.lead)}</description>`,
      ...a.tags.map((t) => `<category>${xmlEscape(t)}</category>`),
      "</item>",
    ].join("");
  });
  const latest = articles[0]?.updatedAt ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${xmlEscape(ctx.title)}</title>`,
    `<link>${xmlEscape(`${ctx.origin}/${ctx.locale}/news`)}</link>`,
    `<description>${xmlEscape(ctx.description)}</description>`,
    `<language>${LOCALE_TAG[ctx.locale]}</language>`,
    `<atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>`,
    `<lastBuildDate>${rfc822(latest)}</lastBuildDate>`,
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}

export function atomXml(ctx: FeedContext, articles: Article[]): string {
  const self = `${ctx.origin}/${ctx.locale}/news/atom.xml`;
  const entries = articles.map((a) => {
    const e = entryOf(ctx, a);
    return [
      "<entry>",
      `<title>${xmlEscape(e.title)}</title>`,
      `<id>${xmlEscape(e.url)}</id>`,
      `<link rel="alternate" href="${xmlEscape(e.url)}"/>`,
      `<published>${new Date(e.published).toISOString()}</published>`,
      `<updated>${new Date(e.updated).toISOString()}</updated>`,
      `<author><name>${xmlEscape(a.authorName)}</name></author>`,
      ...a.tags.map((t) => `<category term="${xmlEscape(t)}"/>`),
      `<summary>${xmlEscape(e.lead)}</summary>`,
      `<content type="html">${xmlEscape(e.html)}</content>`,
      "</entry>",
    ].join("");
  });
  const latest = new Date(Math.max(0, ...articles.map((a) => Date.parse(a.updatedAt)))).toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${LOCALE_TAG[ctx.locale]}">`,
    `<title>${xmlEscape(ctx.title)}</title>`,
    `<subtitle>${xmlEscape(ctx.description)}</subtitle>`,
    `<id>${xmlEscape(`${ctx.origin}/${ctx.locale}/news`)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(`${ctx.origin}/${ctx.locale}/news`)}"/>`,
    `<updated>${new Date(latest).toISOString()}</updated>`,
    ...entries,
    "</feed>",
  ].join("\n");
}

/** One page of the portal in the sitemap: its path after the locale, in every locale, with alternates. */
export interface SitemapPage {
  path: string;
  lastmod?: string | null;
}

export function sitemapXml(origin: string, pages: SitemapPage[]): string {
  const urls: string[] = [];
  for (const page of pages) {
    const alternates = [
      ...LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${LOCALE_TAG[l]}" href="${xmlEscape(`${origin}/${l}${page.path}`)}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(`${origin}/kk${page.path}`)}"/>`,
    ].join("");
    for (const l of LOCALES) {
      urls.push(
        `<url><loc>${xmlEscape(`${origin}/${l}${page.path}`)}</loc>${page.lastmod ? `<lastmod>${new Date(page.lastmod).toISOString()}</lastmod>` : ""}${alternates}</url>`,
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
  ].join("\n");
}
