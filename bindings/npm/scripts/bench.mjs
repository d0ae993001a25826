// npm run bench: treem's validate(text) against ajv 8 (JSON.parse + validate against
// schema/report.schema.json, compiled once, allErrors) on the same ~50 KB report, in one process
// and one run; medians, ratios, sizes, and the size budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import Ajv2020 from "ajv/dist/2020.js";
import { provincialReport } from "./provincial-report.mjs";

const root = new URL("../../../", import.meta.url);
const dist = new URL("../dist/", import.meta.url);

// Instantiation, measured before anything else touches the module.
const t0 = performance.now();
const wasm = await import("../dist/pkg/treem_wasm.js");
wasm.initSync({ module: readFileSync(new URL("pkg/treem_wasm_bg.wasm", dist)) });
const instantiateMs = performance.now() - t0;
const { makeApi } = await import("../dist/api.js");
const treem = makeApi(wasm);

const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times every function once per round, in an order that rotates, for `rounds` rounds after a
 * warm-up: the machine's drift then touches all of them alike. Returns each one's times.
 */
function interleaved(fns, { warmup = 30, rounds = 401 } = {}) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (r + k) % fns.length;
      const t = performance.now();
      fns[i]();
      times[i].push(performance.now() - t);
    }
  }
  return times;
}

const text = provincialReport(readFileSync(new URL("examples/quy-nhon-half-year-2024.json", root), "utf8"));
const result = treem.validate(text);
if (!result.valid) throw new Error(`benchmark report is not valid: ${JSON.stringify(result.findings[0])}`);

const ajv = new Ajv2020({ strict: true, allErrors: true });
const ajvValidate = ajv.compile(JSON.parse(readFileSync(new URL("schema/report.schema.json", root), "utf8")));
if (!ajvValidate(JSON.parse(text))) throw new Error("ajv rejects the benchmark report");

// The same report typed without diacritics, every character ASCII: how the text is handed to
// WebAssembly depends on its characters (not budgeted; printed to keep that path in view).
const ascii = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
if (!/^[\x00-\x7f]*$/.test(ascii)) throw new Error("the ASCII variant of the report is not ASCII");
if (!treem.validate(ascii).valid || !ajvValidate(JSON.parse(ascii))) throw new Error("the ASCII variant is not valid");

// The hand-over alone: encoding the text as UTF-8 into memory, which every WebAssembly validator
// taking a JavaScript string pays before its first instruction and ajv never pays.
const encoder = new TextEncoder();
const handOverBuffer = new Uint8Array(text.length * 3);

const [parseTimes, ajvTimes, treemTimes, asciiAjvTimes, asciiTreemTimes, handOverTimes] = interleaved([
  () => JSON.parse(text),
  () => ajvValidate(JSON.parse(text)),
  () => treem.validate(text),
  () => ajvValidate(JSON.parse(ascii)),
  () => treem.validate(ascii),
  () => encoder.encodeInto(text, handOverBuffer),
]);
const [parseMs, ajvMs, treemMs] = [parseTimes, ajvTimes, treemTimes].map(middle);
// The ratio of each round's two times, then the median: robust to the machine's drift.
const ratio = middle(treemTimes.map((t, i) => t / ajvTimes[i]));
const asciiRatio = middle(asciiTreemTimes.map((t, i) => t / asciiAjvTimes[i]));

// The budget is the module a portal form loads: the lean validator (`treem`). The full build
// (`treem/full`, with consolidation and profiles as JSON text) is printed beside it.
const gz = (url) => gzipSync(readFileSync(url), { level: 9 }).length;
const sizes = (pkg, entry) => [
  gz(new URL(`${pkg}/treem_wasm_bg.wasm`, dist)),
  gz(new URL(`${pkg}/treem_wasm.js`, dist)) + gz(new URL("api.js", dist)) + gz(new URL(entry, dist)),
];
const [wasmGz, glueGz] = sizes("pkg", "web.js");
const [fullWasmGz, fullGlueGz] = sizes("pkg-full", "web-full.js");
const kib = (n) => (n / 1024).toFixed(1);
const verdict = (ok) => (ok ? "met" : "MISSED");

console.log(`report: ${kib(Buffer.byteLength(text))} KiB, valid`);
console.log(`JSON.parse alone:            ${parseMs.toFixed(3)} ms (median of 401 interleaved rounds)`);
console.log(`ajv 8 JSON.parse + validate: ${ajvMs.toFixed(3)} ms`);
console.log(`treem validate(text):        ${treemMs.toFixed(3)} ms`);
console.log(`ratio treem / ajv:           ${ratio.toFixed(2)} (median of per-round ratios)`);
console.log(`ratio treem / JSON.parse:    ${(treemMs / parseMs).toFixed(2)}`);
const handOverMs = middle(handOverTimes);
console.log(
  `hand-over alone (encodeInto): ${handOverMs.toFixed(3)} ms = ${(handOverMs / ajvMs).toFixed(2)} x ajv, ` +
    "part of treem's time (a floor any WebAssembly validator pays)",
);
console.log(
  `ASCII-only variant (no diacritics): treem ${middle(asciiTreemTimes).toFixed(3)} ms, ` +
    `ajv ${middle(asciiAjvTimes).toFixed(3)} ms, ratio ${asciiRatio.toFixed(2)} (not budgeted)`,
);
console.log(`size, lean validator (treem): .wasm ${kib(wasmGz)} KiB + JS glue ${kib(glueGz)} KiB = ${kib(wasmGz + glueGz)} KiB gzip -9`);
console.log(
  `size, full build (treem/full):  .wasm ${kib(fullWasmGz)} KiB + JS glue ${kib(fullGlueGz)} KiB = ` +
    `${kib(fullWasmGz + fullGlueGz)} KiB gzip -9 (consolidation, profiles as JSON text; not budgeted)`,
);
console.log(`instantiation (Node, sync, incl. reading the file): ${instantiateMs.toFixed(1)} ms`);
console.log("budget:");
// 130 KiB: 133,120 bytes, the lean module with its glue. Time against ajv is recorded, not budgeted.
const leanBytes = wasmGz + glueGz;
console.log(`  lean module + glue <= 130 KiB gzip -9: ${verdict(leanBytes <= 130 * 1024)} (${kib(leanBytes)} KiB)`);
console.log(`  validate / ajv parse+validate:         ${ratio.toFixed(2)} x (recorded, not a budget)`);
