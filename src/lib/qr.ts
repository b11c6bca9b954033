import QRCode from "qrcode";

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/**
 * A QR code as SVG markup, to inline in a page (no script, no image request, so it passes the
 * CSP and prints sharply). `label` becomes the image's accessible name. Codes are deterministic,
 * so recent ones are kept.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const key = `${label}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const svg = await QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 1,
    color: { dark: "#000000", light: "#ffffff" },
  });
  const labelled = svg.replace("<svg ", `<svg class="qr" role="img" aria-label="${escapeAttribute(label)}" `);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, labelled);
  return labelled;
}
