// Shared by the tests: the repository's files and RFC 6902 patches, as the Rust tests use them.
import { existsSync, readFileSync, readdirSync } from "node:fs";

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

const suites = ["validation", "deadlines", "calendar"];

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

/** The text a validation case validates. */
export function reportText(c) {
  if (c.raw.text !== undefined) return c.raw.text;
  const report = c.raw.report ?? readJson(resolve(c.file, c.raw.base));
  return JSON.stringify(applyPatch(structuredClone(report), c.raw.patch ?? []));
}

/** A case's `profile` as the package takes it: an embedded id, or a profile file's JSON text. */
export function profileOption(c) {
  const p = c.raw.profile;
  if (p === undefined) return undefined;
  return p.endsWith(".json") ? readText(resolve(c.file, p)) : p;
}

/**
 * The first place where `actual` lacks what `expected` names (undefined: it has it all).
 * Objects match partially; everything else must be equal. The Rust harness does the same.
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
