// Node entry of the lean validator (`treem`): loads the WebAssembly module synchronously at
// import. Consolidation and profiles given as JSON text are in `treem/full`.
import { readFileSync } from "node:fs";
import * as wasm from "./pkg/treem_wasm.js";
import { makeNodeApi } from "./api.js";

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version, ready } =
  makeNodeApi(wasm, readFileSync(new URL("./pkg/treem_wasm_bg.wasm", import.meta.url)));
