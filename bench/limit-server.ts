import { readFileSync } from "node:fs";
import http from "node:http";

/**
 * The "limit server" of QUALITY P1: bare node:http answering each recorded path with the very
 * bytes (status, headers, body) the app sent for it, from memory. Nothing a Node web app does
 * per request can be cheaper, so app ÷ limit is the share of the ceiling the app reaches.
 *
 *   node --import tsx bench/limit-server.ts <recorded.json> <port>
 */

export interface Recorded {
  [pathAndQuery: string]: { status: number; headers: [string, string][]; body: string /* base64 */ };
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** Keeps the app's own headers; the server sets framing and the date itself, as the app's does. */
export function replayHeaders(rawHeaders: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push([name, rawHeaders[i + 1] as string]);
  }
  return out;
}

function main(): void {
  const [file, portText] = process.argv.slice(2);
  if (!file || !portText) {
    process.stderr.write("usage: limit-server.ts <recorded.json> <port>\n");
    process.exit(64);
  }
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Recorded;
  const responses = new Map(
    Object.entries(recorded).map(([p, r]) => {
      const body = Buffer.from(r.body, "base64");
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of r.headers) {
        const existing = headers[k];
        headers[k] = existing === undefined ? v : ([] as string[]).concat(existing, v);
      }
      headers["content-length"] = String(body.length);
      return [p, { status: r.status, headers, body }] as const;
    }),
  );
  const server = http.createServer((req, res) => {
    const hit = responses.get(req.url ?? "");
    if (!hit) {
      res.writeHead(404, { "content-length": "0" });
      res.end();
      return;
    }
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body);
  });
  server.listen(Number(portText), "127.0.0.1", () => process.stdout.write("ready\n"));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
