// Shared by the tests: the repository's files and RFC 6902 patches, as the Rust tests use them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve as resolvePath } from "node:path";
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

/**
 * Applies add / remove / replace operations (RFC 6902) to a document, in place. Strict like the
 * Rust harness (`tests/src/lib.rs`): an operation that cannot apply throws.
 */
export function applyPatch(doc, patch) {
  patch.forEach((op, n) => {
    if (!["add", "remove", "replace"].includes(op.op)) throw new Error(`patch ${n}: cannot ${op.op}`);
    if (typeof op.path !== "string") throw new Error(`patch ${n}: no path`);
    const tokens = op.path.split("/").slice(1).map(unescape);
    if (tokens.length === 0) throw new Error(`patch ${n}: cannot ${op.op} the root`);
    const last = tokens.pop();
    let parent = doc;
    for (const t of tokens) {
      parent = Array.isArray(parent) ? parent[/^\d+$/.test(t) ? Number(t) : -1] : parent?.[t];
      if (parent === null || typeof parent !== "object") throw new Error(`patch ${n}: no parent for ${op.path}`);
    }
    if (op.op !== "remove" && !("value" in op)) throw new Error(`patch ${n}: no value`);
    if (Array.isArray(parent)) {
      if (op.op === "add" && last === "-") return void parent.push(op.value);
      if (!/^\d+$/.test(last)) throw new Error(`patch ${n}: bad index ${last}`);
      const i = Number(last);
      if (op.op === "add" && i <= parent.length) parent.splice(i, 0, op.value);
      else if (op.op === "replace" && i < parent.length) parent[i] = op.value;
      else if (op.op === "remove" && i < parent.length) parent.splice(i, 1);
      else throw new Error(`patch ${n}: index ${i} out of range`);
    } else if (op.op === "add") {
      parent[last] = op.value;
    } else if (!Object.hasOwn(parent, last)) {
      throw new Error(`patch ${n}: nothing to ${op.op} at ${op.path}`);
    } else if (op.op === "replace") {
      parent[last] = op.value;
    } else {
      delete parent[last];
    }
  });
  return doc;
}

const suites = ["validation", "deadlines", "calendar", "consolidation"];

export const rootDir = fileURLToPath(root);

/** The vector folder: `TREEM_VECTORS` when set (a second set), else the repository's. */
export const vectorsDir = process.env.TREEM_VECTORS
  ? resolvePath(process.env.TREEM_VECTORS)
  : join(rootDir, "tests", "vectors");

/** Every `*.json` under `dir` (not `*.schema.json`), with the suite of its nearest suite folder. */
function walk(dir, suite, out) {
  const here = suites.includes(basename(dir)) ? basename(dir) : suite;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, here, out);
    else if (entry.name.endsWith(".json") && !entry.name.endsWith(".schema.json")) out.push({ suite: here, path });
  }
  return out;
}

/**
 * Resolves a file a vector names, as the Rust harness does: from the vector file's folder
 * upwards to the vector folder, then from the repository root.
 */
export function resolve(c, name) {
  for (let dir = dirname(c.file); dir.startsWith(c.root); dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === dirname(dir)) break;
  }
  if (existsSync(join(rootDir, name))) return join(rootDir, name);
  throw new Error(`cannot find the file \`${name}\` it names`);
}

/**
 * Every vector case of a suite: { suite, name, root, file, rule, description, raw }. A vector
 * file that cannot be read gives one case with `loadError`, so that it fails alone. JSON files
 * without `cases` are support files (reports, profiles) and give none.
 */
export function vectorCases(suite) {
  if (!suites.includes(suite)) throw new Error(`unknown suite ${suite}`);
  const cases = [];
  for (const { suite: s, path } of walk(vectorsDir, undefined, [])) {
    const name = relative(vectorsDir, path);
    let doc;
    try {
      doc = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      if (s === suite) cases.push({ suite, name, file: path, root: vectorsDir, loadError: `not JSON: ${e.message}` });
      continue;
    }
    if (doc === null || typeof doc !== "object" || !("cases" in doc) || s !== suite) continue;
    if (!Array.isArray(doc.cases) || doc.cases.length === 0) {
      cases.push({ suite, name, file: path, root: vectorsDir, loadError: "`cases` must be a non-empty array" });
      continue;
    }
    doc.cases.forEach((raw, i) => {
      cases.push({ suite, name: `${name}#${i}`, file: path, root: vectorsDir, rule: doc.rule, description: raw?.description, raw });
    });
  }
  return cases;
}

/** The text an input object of case `c` stands for: `text`, `report`, or `base` with its `patch`. */
export function inputText(c, input) {
  if (input.text !== undefined) return input.text;
  if (input.report === undefined && input.base === undefined) throw new Error("no `report`, `base` or `text`");
  const report = input.report ?? JSON.parse(readFileSync(resolve(c, input.base), "utf8"));
  return JSON.stringify(applyPatch(structuredClone(report), input.patch ?? []));
}

/** The text a validation case validates. */
export function reportText(c) {
  return inputText(c, c.raw);
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
  if (p === undefined || p === null || p === "") return undefined;
  return p.endsWith(".json") ? readFileSync(resolve(c, p), "utf8") : p;
}

/** A case's `calendar` as the package takes it: a schedule file's JSON text, or undefined. */
export function calendarOption(c) {
  const p = c.raw.calendar;
  if (p === undefined || p === null || p === "") return undefined;
  return readFileSync(resolve(c, p), "utf8");
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

/**
 * Every validation vector case: { name, description, text, valid, findings, profile, error },
 * or { name, loadError } for one that cannot be read.
 */
export function validationCases() {
  return vectorCases("validation").map((c) => {
    if (c.loadError) return { name: c.name, description: "", loadError: c.loadError };
    try {
      return {
        name: c.name,
        description: c.description,
        text: reportText(c),
        profile: profileOption(c),
        calendar: calendarOption(c),
        valid: c.raw.expect.valid,
        error: c.raw.expect.error,
        findings: (c.raw.expect.findings ?? []).map((f) => [f.code, f.path]).sort(),
      };
    } catch (e) {
      return { name: c.name, description: c.description, loadError: e.message };
    }
  });
}

let built;

/** The native CLI, built once if needed (cargo is on the machine wherever the Rust tests run). */
export function nativeCli() {
  if (!built) {
    execFileSync("cargo", ["build", "--quiet", "-p", "treem-cli"], { cwd: rootDir, stdio: "inherit" });
    const target = process.env.CARGO_TARGET_DIR ?? join(rootDir, "target");
    built = join(target, "debug", process.platform === "win32" ? "treem.exe" : "treem");
  }
  return built;
}

/** `obj` without its undefined members (the package's options reader takes strings only). */
/**
 * Whether a profile option is a profile given as JSON text, which only the full build
 * (`treem/full`) reads: the lean build answers `not_in_build`.
 */
export function isProfileText(profile) {
  return typeof profile === "string" && profile.trimStart().startsWith("{");
}

export function defined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
