// Shared by the tests: the repository's files and RFC 6902 patches, as the Rust tests use them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = new URL("../../../", import.meta.url);
export const readText = (path) => readFileSync(new URL(path, root), "utf8");
export const readJson = (path) => JSON.parse(readText(path));
export const jsonFiles = (dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `${dir}/${f}`);

const unescape = (t) => t.replaceAll("~1", "/").replaceAll("~0", "~");

/** Applies add / remove / replace operations (RFC 6902) to a document, in place. */
export function applyPatch(doc, patch) {
  for (const op of patch) {
    const tokens = op.path.split("/").slice(1).map(unescape);
    const last = tokens.pop();
    let parent = doc;
    for (const t of tokens) parent = parent[Array.isArray(parent) ? Number(t) : t];
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : Number(last);
      if (op.op === "add") parent.splice(i, 0, op.value);
      else if (op.op === "replace") parent[i] = op.value;
      else parent.splice(i, 1);
    } else if (op.op === "remove") {
      delete parent[last];
    } else {
      parent[last] = op.value;
    }
  }
  return doc;
}

const suites = ["validation", "deadlines", "calendar", "consolidation"];

/**
 * Resolves a file a vector names, as the Rust harness does: from the vector file's folder
 * upwards, then from the repository root.
 */
export function resolve(vectorFile, name) {
  const parts = vectorFile.split("/");
  for (let n = parts.length - 1; n >= 0; n--) {
    const candidate = [...parts.slice(0, n), name].join("/");
    if (existsSync(new URL(candidate, root))) return candidate;
  }
  return name;
}

/** Every vector case of a suite: { suite, name, file, rule, description, raw }. */
export function vectorCases(suite) {
  if (!suites.includes(suite)) throw new Error(`unknown suite ${suite}`);
  const cases = [];
  for (const file of jsonFiles(`tests/vectors/${suite}`)) {
    const doc = readJson(file);
    doc.cases.forEach((raw, i) => {
      cases.push({ suite, name: `${file}#${i}`, file, rule: doc.rule, description: raw.description, raw });
    });
  }
  return cases;
}

/** The text an input object stands for: `text`, `report`, or `base` with its `patch`. */
export function inputText(vectorFile, input) {
  if (input.text !== undefined) return input.text;
  const report = input.report ?? readJson(resolve(vectorFile, input.base));
  return JSON.stringify(applyPatch(structuredClone(report), input.patch ?? []));
}

/** The text a validation case validates. */
export function reportText(c) {
  return inputText(c.file, c.raw);
}

/** A consolidation output with the two views the vectors match against (as tests/src/vectors.rs). */
export function consolidationView(output) {
  const byReporter = Object.fromEntries(output.reporters.map((r) => [r.id, r]));
  const codes = output.findings.map((f) => f.code).sort();
  return { ...output, by_reporter: byReporter, finding_codes: codes };
}

/** A case's `profile` as the package takes it: an embedded id, or a profile file's JSON text. */
export function profileOption(c) {
  const p = c.raw.profile;
  if (p === undefined) return undefined;
  return p.endsWith(".json") ? readText(resolve(c.file, p)) : p;
}

/**
 * The first place where `actual` lacks what `expected` names (undefined: it has it all).
 * Objects match partially, arrays of the same length element by element; everything else
 * must be equal. The Rust harness does the same.
 */
export function differences(expected, actual, at = "") {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return `${at || "/"}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) return `${at}/${k}: expected ${JSON.stringify(v)}, missing`;
      const d = differences(v, actual[k], `${at}/${k}`);
      if (d) return d;
    }
    return undefined;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    for (let i = 0; i < expected.length; i++) {
      const d = differences(expected[i], actual[i], `${at}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? undefined
    : `${at || "/"}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Every validation vector case: { name, description, text, valid, findings, profile }. */
export function validationCases() {
  return vectorCases("validation").map((c) => ({
    name: c.name,
    description: c.description,
    text: reportText(c),
    profile: profileOption(c),
    valid: c.raw.expect.valid,
    error: c.raw.expect.error,
    findings: (c.raw.expect.findings ?? []).map((f) => [f.code, f.path]).sort(),
  }));
}

/** The native CLI, built if needed (cargo is on the machine wherever the Rust tests run). */
export function nativeCli() {
  const rootDir = fileURLToPath(root);
  execFileSync("cargo", ["build", "--quiet", "-p", "treem-cli"], { cwd: rootDir, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ?? join(rootDir, "target");
  return join(target, "debug", process.platform === "win32" ? "treem.exe" : "treem");
}
