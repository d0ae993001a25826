// Shared by the tests: the repository's files and RFC 6902 patches, as the Rust tests use them.
import { readFileSync, readdirSync } from "node:fs";

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

/** Every validation vector case: { name, description, text, valid, findings }. */
export function validationCases() {
  const cases = [];
  for (const file of jsonFiles("tests/vectors/validation")) {
    const doc = readJson(file);
    doc.cases.forEach((c, i) => {
      let text = c.text;
      if (text === undefined) {
        const report = c.report ?? readJson(c.base);
        text = JSON.stringify(applyPatch(report, c.patch ?? []));
      }
      const findings = c.expect.findings.map((f) => [f.code, f.path]).sort();
      cases.push({ name: `${file}#${i}`, description: c.description, text, valid: c.expect.valid, findings });
    });
  }
  return cases;
}
