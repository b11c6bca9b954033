import MarkdownIt from "markdown-it";

/**
 * Story bodies are Markdown rendered by markdown-it with raw HTML off: `<script>` in a body comes
 * out as text. Links may only be http(s), mailto or site-relative; every link gets
 * rel="noopener nofollow" (and ugc for readers' text), external ones open as usual (no target).
 * Images are not allowed in bodies (the cover is the story's picture): they render as their text.
 */
const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: false });
md.disable(["image"]);

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

md.validateLink = (url: string) => {
  // markdown-it hands the URL after entity decoding; strip controls and spaces a browser would ignore.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const clean = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return SAFE_URL.test(clean);
};

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) token.attrSet("rel", "noopener nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Headings inside a story start at h2 (the page's h1 is the title).
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token && token.tag === "h1") token.tag = "h2";
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token && token.tag === "h1") token.tag = "h2";
  return self.renderToken(tokens, idx, options);
};

const cache = new Map<string, string>();
const CACHE_LIMIT = 300;

/** Safe HTML of a story body. Bodies are the same for every reader, so recent results are kept. */
export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const html = md.render(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, html);
  return html;
}

/** Plain text of a Markdown body (feeds' summaries, search, meta descriptions). */
export function markdownToText(source: string): string {
  const tokens = md.parse(source, {});
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === "inline")
      out.push((t.children ?? []).map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join(""));
  }
  return out.join("\n").trim();
}
