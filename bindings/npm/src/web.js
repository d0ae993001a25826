// Browser entry of the lean validator (`treem`): call `await ready()` once (it fetches and
// instantiates the .wasm beside this file, or what you pass), then use the functions.
// Consolidation and profiles given as JSON text are in `treem/full`.
import init, * as wasm from "./pkg/treem_wasm.js";
import { makeWebApi } from "./api.js";

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version, ready } =
  makeWebApi(wasm, init);
