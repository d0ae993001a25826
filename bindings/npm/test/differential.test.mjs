// Differential test: the committed JSON Schema (through ajv) and the WebAssembly validator agree
// on structure. Whatever the schema rejects, treem reports as a structural finding, and whatever
// treem reports as structural, the schema rejects, except for the known deviations below, each
// with its reason. The reports are the examples, broken by seeded random mutations.
import { test } from "node:test";
import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import { validate } from "../dist/node.js";
import { jsonFiles, readJson } from "./helpers.mjs";

const CASES = 3000;
const SEED = 20240515;

/**
 * Structural findings the schema cannot express, with the reason. A case whose only structural
 * findings are among these may pass the schema.
 */
const KNOWN_DEVIATIONS = {
  "structure.date":
    "the schema checks a date's shape (YYYY-MM-DD, month 01–12, day 01–31); that the day exists (no 30 February) is beyond a pattern",
  "structure.duplicate_key":
    "JSON.parse keeps the last of two equal keys, so the schema never sees the repetition; treem reads the text and does",
};

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  null, true, false, 0, -1, 1.5, 7, 2024, 9007199254740993, 1e300, "", "x", "done", "I", "III",
  "2024-02-30", "2024-13-01", "2024-05-14", "2024-5-1", "half_year", "540", [], {}, [1], { x: 1 },
];
const DATES = ["2024-02-30", "2023-02-29", "2024-04-31", "2024-06-31", "2024-5-1", "2024-13-01", "2024-00-10", "2025-02-29"];
const NUMBERS = [-1, 0, 1.5, 2.0, 9007199254740992, 9007199254740993, 1e300, 65536, 256, 2024];
const STRINGS = ["", " ", "done", "finished", "I", "II", "III", "annual", "half_year", "Ủy ban", "Ủy ban".normalize("NFD")];
const KEYS = ["note", "total", "by", "sex", "male", "task", "status", "value", "code", "annex", "id", "kind"];

function paths(value, prefix = [], out = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function parentOf(doc, path) {
  let parent = doc;
  for (const t of path.slice(0, -1)) parent = parent[t];
  return parent;
}

/** One random change somewhere in `doc` (in place). */
function mutate(doc, random) {
  const all = paths(doc).filter((p) => p.length > 0);
  const path = all[Math.floor(random() * all.length)];
  const parent = parentOf(doc, path);
  const last = path[path.length - 1];
  const pick = (list) => structuredClone(list[Math.floor(random() * list.length)]);
  switch (Math.floor(random() * 5)) {
    case 4: {
      // A near miss: a value of the same kind that is just wrong.
      const target = parent[last];
      if (typeof target === "string" && /^\d{4}-\d{2}-\d{2}$/.test(target)) parent[last] = pick(DATES);
      else if (typeof target === "number") parent[last] = pick(NUMBERS);
      else if (typeof target === "string") parent[last] = pick(STRINGS);
      else parent[last] = pick(VALUES);
      break;
    }
    case 0:
      parent[last] = pick(VALUES);
      break;
    case 1:
      if (Array.isArray(parent)) parent.splice(last, 1);
      else delete parent[last];
      break;
    case 2: {
      const target = parent[last];
      if (target && typeof target === "object" && !Array.isArray(target)) target[pick(KEYS)] = pick(VALUES);
      else parent[last] = pick(VALUES);
      break;
    }
    default: {
      const target = parent[last];
      if (target && typeof target === "object" && !Array.isArray(target)) parent[last] = Object.values(target);
      else if (typeof target === "string") parent[last] = { [target]: null };
      else parent[last] = pick(VALUES);
    }
  }
}

test("the JSON Schema and the WebAssembly validator agree on structure", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const schemaValid = ajv.compile(readJson("schema/report.schema.json"));
  const examples = jsonFiles("examples").map(readJson);
  const random = generator(SEED);
  const disagreements = [];
  const seen = { bothReject: 0, bothAccept: 0, deviations: 0 };
  for (let n = 0; n < CASES; n++) {
    const doc = structuredClone(examples[n % examples.length]);
    const changes = 1 + Math.floor(random() * 3);
    for (let i = 0; i < changes; i++) mutate(doc, random);
    const text = JSON.stringify(doc);
    const accepted = schemaValid(doc);
    const structural = validate(text).findings.filter((f) => f.code.startsWith("structure."));
    const beyondSchema = structural.every((f) => f.code in KNOWN_DEVIATIONS);
    if (!accepted && structural.length === 0) {
      disagreements.push({ n, why: "the schema rejects, treem has no structural finding", errors: schemaValid.errors.slice(0, 3), text });
    } else if (accepted && structural.length > 0 && !beyondSchema) {
      disagreements.push({ n, why: "treem has structural findings, the schema accepts", structural, text });
    } else if (accepted && structural.length > 0) {
      seen.deviations++;
    } else if (accepted) {
      seen.bothAccept++;
    } else {
      seen.bothReject++;
    }
  }
  assert.equal(
    disagreements.length,
    0,
    `${disagreements.length} disagreement(s) (seed ${SEED}); first:\n${JSON.stringify(disagreements[0], null, 1)?.slice(0, 3000)}`,
  );
  // The mutations must reach both verdicts, or the test proves nothing.
  assert.ok(seen.bothReject > CASES / 4, JSON.stringify(seen));
  assert.ok(seen.bothAccept > 10, JSON.stringify(seen));
});

test("a repeated key and an impossible date are the known deviations, and treem catches both", () => {
  const text = readJson("examples/quy-nhon-half-year-2024.json");
  const dated = { ...text, data_as_of: "2024-02-30" };
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const schemaValid = ajv.compile(readJson("schema/report.schema.json"));
  assert.equal(schemaValid(dated), true);
  assert.deepEqual(
    validate(JSON.stringify(dated)).findings.map((f) => f.code),
    ["structure.date"],
  );
  const repeated = JSON.stringify(text).replace("{", '{"year":2024,');
  assert.equal(schemaValid(JSON.parse(repeated)), true);
  assert.deepEqual(
    validate(repeated).findings.map((f) => f.code),
    ["structure.duplicate_key"],
  );
});
