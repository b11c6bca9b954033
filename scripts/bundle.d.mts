export declare const BUNDLES: Record<"server" | "cli", { entry: string; out: string }>;
/** Builds one bundle (dist/server.mjs or dist/cli.mjs, or `outfile`); returns the file written. */
export declare function bundle(name: "server" | "cli", outfile?: string): Promise<string>;
