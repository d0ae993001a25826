// The validation vectors the native tests replay, replayed through the WebAssembly build: both
// builds must give exactly the same findings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate } from "../dist/node.js";
import { validationCases, jsonFiles, readText } from "./helpers.mjs";

const cases = validationCases();

test("there are vectors to replay", () => {
  assert.ok(cases.length > 90, `only ${cases.length} cases`);
});

for (const c of cases) {
  test(`${c.name}: ${c.description}`, () => {
    const result = validate(c.text);
    const got = result.findings.map((f) => [f.code, f.path]).sort();
    assert.deepEqual(got, c.findings);
    assert.equal(result.valid, c.valid);
  });
}

test("every example is valid in the WebAssembly build", () => {
  for (const file of jsonFiles("examples")) {
    const result = validate(readText(file));
    assert.deepEqual(result, { valid: true, findings: [] }, file);
  }
});

test("structural fixtures give the same findings as natively", async () => {
  const { readJson } = await import("./helpers.mjs");
  for (const c of readJson("tests/fixtures/structure/cases.json").cases) {
    const result = validate(readText(`tests/fixtures/structure/${c.file}`));
    const got = result.findings.map((f) => [f.code, f.path]).sort();
    assert.deepEqual(got, c.expect.map(([code, path]) => [code, path]).sort(), c.file);
  }
});
