#!/usr/bin/env node
// `npx jibek …`: bundles the command line (esbuild, well under a second) and runs it with plain
// Node, so a long import does not carry a TypeScript loader's memory (docs/decisions/015).
import { pathToFileURL } from "node:url";
import { bundle } from "../scripts/bundle.mjs";

await import(pathToFileURL(await bundle("cli")).href);
