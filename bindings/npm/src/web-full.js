// Browser entry of the full build (`treem/full`): the lean validator's functions plus
// consolidation and profiles given as JSON text. Call `await ready()` once, then use them.
import init, * as wasm from "./pkg-full/treem_wasm.js";
import { makeWebApi } from "./api.js";

export { TreemError } from "./api.js";
export const { validate, deadlines, timeliness, consolidate, calendar, catalog, profile, rules, schema, version, ready } =
  makeWebApi(wasm, init);
