import type { Context, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { isStaff } from "../modules/accounts/accounts.policy.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

/** One API operation, described by the same zod schemas that validate it. */
export interface ApiOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Hono path, e.g. /api/v1/territories/:slug */
  path: string;
  summary: string;
  tags: string[];
  /** Who may call it: "public", or the roles allowed (checked by the service; stated here for readers). */
  access: "public" | "signed-in" | "admin" | "staff";
  params?: P;
  query?: Q;
  body?: B;
  /** A file sent as the raw request body (documented as binary; the route reads it itself). */
  upload?: { types: readonly string[]; description: string };
  response: R;
}

type AnyOperation = ApiOperation<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
type RouteInput<P extends z.ZodType, Q extends z.ZodType, B> = { params: z.infer<P>; query: z.infer<Q>; body: B };

/** Field errors come back in the caller's language: {field: {key, message}}. Applying it twice changes nothing. */
export const localizeFieldErrors: MiddlewareHandler<AppEnv> = async function localizeFieldErrors(c, next) {
  await next();
  const error = c.error;
  if (!(error instanceof AppError) || error.code !== "validation_failed" || !error.details) return;
  const i18n = c.get("i18n");
  const details = Object.fromEntries(Object.entries(error.details).map(([field, key]) => [field, { key, message: i18n.tx(String(key)) }]));
  c.res = c.json({ error: { code: error.code, message: i18n.t("error.validation_failed"), details } }, 422);
};

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe("Stable error code"),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export class ApiRegistry {
  readonly operations: AnyOperation[] = [];

  /** Registers the operation and its handler; the input is validated before the handler sees it. */
  route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    app: Hono<AppEnv>,
    op: ApiOperation<P, Q, B, R>,
    handler: (c: Context<AppEnv>, input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> }) => Promise<z.input<R>>,
  ): void {
    this.register(app, op, true, handler as (c: Context<AppEnv>, input: RouteInput<P, Q, unknown>) => Promise<unknown>);
  }

  /**
   * A write documented with its body schema but validated by the service, as the forms are: the
   * service adds its rules across fields and its own checks to the field errors, so the caller gets
   * every problem in one 422, in their language (the registry's parse would stop before those).
   */
  serviceValidatedRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    app: Hono<AppEnv>,
    op: ApiOperation<P, Q, B, R> & { body: B },
    handler: (c: Context<AppEnv>, input: RouteInput<P, Q, unknown>) => Promise<z.input<R>>,
  ): void {
    this.register(app, op, false, handler);
  }

  private register<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    app: Hono<AppEnv>,
    op: ApiOperation<P, Q, B, R>,
    parseBody: boolean,
    handler: (c: Context<AppEnv>, input: RouteInput<P, Q, unknown>) => Promise<unknown>,
  ): void {
    this.operations.push(op as unknown as AnyOperation);
    // The service's field errors are message keys; the registry's own parse gives zod's text.
    if (!parseBody) app.on(op.method.toUpperCase(), op.path, localizeFieldErrors);
    app.on(op.method.toUpperCase(), op.path, async (c) => {
      // Who may call comes before what they sent: a refused caller learns nothing from validation.
      if (op.access !== "public") {
        const user = c.get("session")?.user;
        if (!user) throw new AppError("unauthenticated");
        if (op.access === "admin" && user.role !== "admin") throw new AppError("forbidden");
        if (op.access === "staff" && !isStaff(user.role)) throw new AppError("forbidden");
      }
      const parse = <S extends z.ZodType>(schema: S | undefined, value: unknown): z.infer<S> => {
        if (!schema) return undefined as z.infer<S>;
        const result = schema.safeParse(value);
        if (!result.success) {
          throw new AppError("validation_failed", Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "_", i.message])));
        }
        return result.data;
      };
      const body: unknown = op.body ? await c.req.json().catch(() => undefined) : undefined;
      const input = {
        params: parse(op.params, c.req.param()),
        query: parse(op.query, c.req.query()),
        body: parseBody ? parse(op.body, body) : body,
      };
      const result = await handler(c, input);
      return c.json(result as object);
    });
  }

  document(serverUrl: string): Record<string, unknown> {
    const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", unrepresentable: "any", io: "output" });
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const openapiPath = op.path.replace(/:([A-Za-z_]+)/g, "{$1}");
      const parameters: unknown[] = [];
      for (const [where, s] of [
        ["path", op.params],
        ["query", op.query],
      ] as const) {
        if (!s || !(s instanceof z.ZodObject)) continue;
        for (const [name, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
          parameters.push({
            name,
            in: where,
            required: where === "path" || !field.safeParse(undefined).success,
            schema: schema(field),
            description: field.description,
          });
        }
      }
      paths[openapiPath] ??= {};
      (paths[openapiPath] as Record<string, unknown>)[op.method] = {
        summary: op.summary,
        tags: op.tags,
        "x-access": op.access,
        parameters,
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body) } } } } : {}),
        ...(op.upload
          ? {
              requestBody: {
                required: true,
                description: op.upload.description,
                content: Object.fromEntries(op.upload.types.map((type) => [type, { schema: { type: "string", format: "binary" } }])),
              },
            }
          : {}),
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: schema(op.response) } } },
          default: { description: "Error", content: { "application/json": { schema: schema(ErrorBody) } } },
        },
      };
    }
    return {
      openapi: "3.1.0",
      info: {
        title: "Jibek API",
        version: "1.0.0",
        description:
          "Investment cooperation between Turkistan oblast and its partner regions. Public reads need no key; writes need a staff session and an X-CSRF-Token header.",
        license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
      },
      servers: [{ url: serverUrl }],
      paths,
    };
  }
}
