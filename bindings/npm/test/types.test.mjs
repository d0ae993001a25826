// The committed TypeScript types are exactly what the JSON Schemas generate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { generate } from "../scripts/types.mjs";

test("types/ matches the JSON Schemas (regenerate: cd bindings/npm && npm run types)", async () => {
  for (const [name, text] of await generate()) {
    const committed = readFileSync(new URL(`../types/${name}`, import.meta.url), "utf8");
    assert.equal(committed, text, `types/${name} drifted; run: cd bindings/npm && npm run types`);
  }
});
