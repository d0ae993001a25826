// Node entry: loads the WebAssembly module synchronously at import.
import { readFileSync } from "node:fs";
import * as wasm from "./pkg/treem_wasm.js";
import { makeApi } from "./api.js";

wasm.initSync({ module: readFileSync(new URL("./pkg/treem_wasm_bg.wasm", import.meta.url)) });

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version } = makeApi(wasm);
/** Resolves at once: the module is loaded when this file is imported. */
export async function ready() {}
