// The WebAssembly build against the native one, whole output: every example, structural fixture
// and validation vector goes through `treem validate --format json` (the native CLI) and through
// the package's `validate`, in both languages; codes, paths, severities, parameters and
// messages must be identical.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate } from "../dist/node.js";
import { validationCases, jsonFiles, readText, nativeCli } from "./helpers.mjs";

test("native and WebAssembly builds give identical findings, messages included", () => {
  const dir = mkdtempSync(join(tmpdir(), "treem-parity-"));
  try {
    const inputs = [];
    for (const file of [...jsonFiles("examples"), ...jsonFiles("tests/fixtures/structure")]) {
      if (!file.endsWith("cases.json")) inputs.push({ name: file, text: readText(file) });
    }
    for (const c of validationCases()) if (!c.loadError) inputs.push({ name: c.name, text: c.text });
    const paths = inputs.map((input, i) => {
      const path = join(dir, `${i}.json`);
      writeFileSync(path, input.text);
      return path;
    });
    const cli = nativeCli();
    for (const lang of ["vi", "en"]) {
      let out;
      try {
        out = execFileSync(cli, ["validate", "--format", "json", "--lang", lang, ...paths], {
          encoding: "utf8",
          maxBuffer: 64 << 20,
        });
      } catch (e) {
        // Exit 1 means "some report has an error finding": the output is still the answer.
        if (e.status !== 1) throw e;
        out = e.stdout;
      }
      const native = JSON.parse(out);
      assert.equal(native.length, inputs.length);
      let compared = 0;
      native.forEach((entry, i) => {
        if (entry.error) return; // not JSON at all: an operational error, compared in api tests
        const wasm = validate(inputs[i].text, { lang });
        assert.deepEqual(
          { valid: wasm.valid, findings: wasm.findings },
          { valid: entry.valid, findings: entry.findings },
          `${inputs[i].name} (${lang})`,
        );
        compared += 1;
      });
      assert.ok(compared > 100, `only ${compared} inputs compared`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("native and WebAssembly consolidations are identical, statuses and messages included", async () => {
  const { consolidate } = await import("../dist/node-full.js");
  const dir = mkdtempSync(join(tmpdir(), "treem-consolidate-"));
  try {
    // The examples, one of them twice (a duplicate), a broken report and text that is not JSON.
    const texts = [
      ...jsonFiles("examples").map(readText),
      readText("examples/quy-nhon-half-year-2024.json"),
      readText("tests/fixtures/structure/four-problems.json"),
      "{",
    ];
    const paths = texts.map((text, i) => {
      const path = join(dir, `r${String(i).padStart(2, "0")}.json`);
      writeFileSync(path, text);
      return path;
    });
    const cli = nativeCli();
    for (const [kind, lang] of [["half_year", "vi"], ["annual", "en"]]) {
      const native = execFileSync(
        cli,
        ["consolidate", ...paths, "--kind", kind, "--as-of", "2024-12-01", "--format", "json", "--lang", lang],
        { encoding: "utf8" },
      );
      // The CLI names inputs by path, the package by position (#1, #2, …).
      let renamed = native;
      paths.forEach((p, i) => {
        renamed = renamed.replaceAll(JSON.stringify(p).slice(1, -1), `#${i + 1}`);
      });
      const wasm = consolidate(texts, { kind, asOf: "2024-12-01", lang });
      assert.deepEqual(wasm, JSON.parse(renamed));
      assert.ok(wasm.findings.some((f) => f.code === "consolidation.duplicate") || kind === "annual");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
