// Browser entry: call `await ready()` once (it fetches and instantiates the .wasm beside this
// file, or what you pass), then use the functions.
import init, * as wasm from "./pkg/treem_wasm.js";
import { makeApi } from "./api.js";

let loading;
/** Loads the WebAssembly module; `input` may be a URL, a Response or bytes. */
export function ready(input) {
  loading ??= init(input === undefined ? undefined : { module_or_path: input });
  return loading.then(() => undefined);
}

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version } = makeApi(wasm);
