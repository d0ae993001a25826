// Compiles every generated schema in ajv 8 strict mode (draft 2020-12) and validates the
// examples, the embedded profiles and the embedded catalogs against them.
// Run: npm ci && npm run check   (in schema/)
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const load = (path) => JSON.parse(readFileSync(path, "utf8"));
const jsonIn = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));

const targets = {
  "report.schema.json": jsonIn("examples"),
  "profile.schema.json": jsonIn("core/data/profiles"),
  "catalog.schema.json": jsonIn("core/data/catalogs"),
  "schedule.schema.json": [...jsonIn("core/data/calendar"), "tests/vectors/calendar/schedules/swap-2026-11.json"],
  "finding.schema.json": [],
};

let passed = 0;
let failed = 0;
for (const [name, instances] of Object.entries(targets)) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  let validate;
  try {
    validate = ajv.compile(load(join(here, name)));
    passed++;
    console.log(`ok   compile ${name} (strict)`);
  } catch (e) {
    failed++;
    console.log(`FAIL compile ${name}: ${e.message}`);
    continue;
  }
  for (const file of instances) {
    if (validate(load(join(root, file)))) {
      passed++;
      console.log(`ok   ${file} against ${name}`);
    } else {
      failed++;
      console.log(`FAIL ${file} against ${name}:`);
      for (const err of validate.errors) console.log(`     ${err.instancePath} ${err.message}`);
    }
  }
}
// Structurally broken reports must be rejected by the report schema too.
{
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(load(join(here, "report.schema.json")));
  const dir = "tests/fixtures/structure";
  for (const c of load(join(root, dir, "cases.json")).cases) {
    if (c.ajv === false) continue;
    if (validate(load(join(root, dir, c.file)))) {
      failed++;
      console.log(`FAIL ${dir}/${c.file} was accepted by report.schema.json`);
    } else {
      passed++;
      console.log(`ok   ${dir}/${c.file} rejected by report.schema.json`);
    }
  }
}

// Every test vector file (a JSON object with `cases`, at any depth of tests/vectors/) follows
// tests/vectors/vectors.schema.json. JSON files without `cases` are reports and profiles the
// vectors name.
{
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(load(join(root, "tests/vectors/vectors.schema.json")));
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : e.name.endsWith(".json") && !e.name.endsWith(".schema.json")
          ? [join(dir, e.name)]
          : [],
    );
  let files = 0;
  for (const path of walk(join(root, "tests/vectors"))) {
    const doc = load(path);
    if (!("cases" in doc)) continue;
    files++;
    if (validate(doc)) {
      passed++;
    } else {
      failed++;
      console.log(`FAIL ${path} against tests/vectors/vectors.schema.json:`);
      for (const err of validate.errors.slice(0, 5)) console.log(`     ${err.instancePath} ${err.message}`);
    }
  }
  if (files === 0) {
    failed++;
    console.log("FAIL no vector files found under tests/vectors");
  }
  console.log(`ok   ${files} vector files checked against tests/vectors/vectors.schema.json`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
