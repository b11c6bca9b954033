import type { Hono } from "hono";
import type { Config } from "../../src/config/config.ts";
import type { AppEnv } from "../../src/http/context.ts";
import { hmac } from "../../src/lib/crypto.ts";

/** An in-process browser: a cookie jar over app.request, with the CSRF token a page form would carry. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly config: Config,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** The token the server puts in this browser's forms. */
  csrfToken(): string {
    const seed = this.cookies.get("jibek_csrf") ?? this.cookies.get("__Host-jibek_csrf");
    return seed ? hmac(this.config.sessionSecret, `csrf:${seed}`) : "";
  }

  /** Submits a form as a page would: first a GET to receive the CSRF cookie, then the POST with the token. */
  async form(path: string, data: Record<string, string>, options: { csrf?: boolean; method?: string } = {}): Promise<Response> {
    if (!this.csrfToken()) await this.get("/en/login");
    const body = new URLSearchParams({ ...(options.csrf === false ? {} : { _csrf: this.csrfToken() }), ...data });
    return this.request(path, { method: options.method ?? "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }
}
