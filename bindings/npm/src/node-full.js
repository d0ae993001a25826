// Node entry of the full build (`treem/full`): the lean validator's functions plus consolidation
// and profiles given as JSON text. Loads the WebAssembly module synchronously at import.
import { readFileSync } from "node:fs";
import * as wasm from "./pkg-full/treem_wasm.js";
import { makeNodeApi } from "./api.js";

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version, ready } =
  makeNodeApi(wasm, readFileSync(new URL("./pkg-full/treem_wasm_bg.wasm", import.meta.url)));
