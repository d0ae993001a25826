// The test vectors the native suite runs (`treem conformance`, `cargo test`), replayed through the
// WebAssembly builds: validation, deadlines, calendar and consolidation through the full build
// (`treem/full`), and through the lean one (`treem`) everything it carries, which must answer
// exactly as the full one does, and `not_in_build` for the rest.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lean from "../dist/node.js";
import * as full from "../dist/node-full.js";
import {
  validationCases,
  vectorCases,
  profileOption,
  calendarOption,
  differences,
  inputText,
  consolidationView,
  defined,
  vectorsDir,
  jsonFiles,
  readText,
  isProfileText,
} from "./helpers.mjs";

const { validate, deadlines, timeliness, calendar, consolidate } = full;
const cases = validationCases();

test("there are vectors to replay in every suite", () => {
  for (const suite of ["validation", "deadlines", "calendar", "consolidation"]) {
    assert.ok(vectorCases(suite).length > 0, `no ${suite} vectors under ${vectorsDir}`);
  }
  // The repository's own set: no silent loss of most of its validation vectors.
  if (!process.env.TREEM_VECTORS) assert.ok(cases.length > 90, `only ${cases.length} validation cases`);
});

/** An operation's outcome: its value, or `{ error: code }` when it throws. */
function outcome(run) {
  try {
    return { value: run() };
  } catch (e) {
    assert.ok(e.code, `a thrown error without a code: ${e}`);
    return { error: e.code };
  }
}

function check(expect, result) {
  if (expect.error !== undefined) {
    assert.equal(result.error, expect.error, `expected error ${expect.error}, got ${JSON.stringify(result)}`);
    return;
  }
  assert.equal(result.error, undefined, `unexpected error ${result.error}`);
  const diff = differences(expect, result.value);
  assert.equal(diff, undefined, diff);
}

for (const c of cases) {
  test(`${c.name}: ${c.description}`, () => {
    assert.equal(c.loadError, undefined, c.loadError);
    const result = outcome(() => validate(c.text, defined({ profile: c.profile, calendar: c.calendar })));
    if (c.error !== undefined) return check({ error: c.error }, result);
    assert.equal(result.error, undefined, `unexpected error ${result.error}`);
    const got = result.value.findings.map((f) => [f.code, f.path]).sort();
    assert.deepEqual(got, c.findings);
    assert.equal(result.value.valid, c.valid);
  });
}

for (const c of vectorCases("deadlines")) {
  test(`${c.name}: ${c.description}`, () => {
    assert.equal(c.loadError, undefined, c.loadError);
    const { kind, reading, as_of, submitted } = c.raw;
    const options = defined({ profile: profileOption(c), reading, as_of, calendar: calendarOption(c) });
    const result = outcome(() => {
      if (submitted !== undefined) return timeliness(kind, submitted, options);
      const entry = deadlines(options).find((d) => d.kind === kind);
      if (!entry) throw Object.assign(new Error(`no kind ${kind}`), { code: "unknown_report_kind" });
      return entry;
    });
    check(c.raw.expect, result);
  });
}

for (const c of vectorCases("consolidation")) {
  test(`${c.name}: ${c.description}`, () => {
    assert.equal(c.loadError, undefined, c.loadError);
    const texts = c.raw.reports.map((r) => inputText(c, r));
    const options = defined({
      profile: profileOption(c),
      kind: c.raw.kind,
      asOf: c.raw.as_of,
      lang: "en",
      calendar: calendarOption(c),
    });
    check(c.raw.expect, outcome(() => consolidationView(consolidate(texts, options))));
  });
}

/** `YYYY-MM-DD` as a real day, or undefined (the harness's own check: `calendar` takes a year). */
function civilDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? d : undefined;
}

for (const c of vectorCases("calendar")) {
  test(`${c.name}: ${c.description}`, () => {
    assert.equal(c.loadError, undefined, c.loadError);
    const options = defined({ calendar: calendarOption(c) });
    const result = outcome(() => {
      if (c.raw.year !== undefined) {
        calendar(c.raw.year, options);
        return { year: c.raw.year };
      }
      const day = civilDate(c.raw.date);
      if (!day) throw Object.assign(new Error(`not a date: ${c.raw.date}`), { code: "invalid_date" });
      const entry = calendar(day.getUTCFullYear(), options).find((e) => e.date === c.raw.date);
      const weekday = day.getUTCDay();
      return entry ?? { date: c.raw.date, working: weekday >= 1 && weekday <= 5 };
    });
    check(c.raw.expect, result);
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


test("the lean build answers as the full one on every vector it carries, and not_in_build on the rest", () => {
  let compared = 0;
  let refused = 0;
  const same = (name, needsFull, run) => {
    const fromLean = outcome(() => run(lean));
    if (needsFull) {
      assert.deepEqual(fromLean, { error: "not_in_build" }, name);
      refused++;
    } else {
      assert.deepEqual(fromLean, outcome(() => run(full)), name);
      compared++;
    }
  };
  for (const c of cases) {
    if (c.loadError) continue;
    for (const lang of ["vi", "en"]) {
      same(c.name, isProfileText(c.profile) || c.calendar !== undefined, (b) =>
        b.validate(c.text, defined({ profile: c.profile, lang, calendar: c.calendar })),
      );
    }
  }
  for (const c of vectorCases("deadlines")) {
    if (c.loadError) continue;
    const { kind, reading, as_of, submitted } = c.raw;
    const options = defined({ profile: profileOption(c), reading, as_of, lang: "en", calendar: calendarOption(c) });
    same(c.name, isProfileText(options.profile) || options.calendar !== undefined, (b) =>
      submitted === undefined ? b.deadlines(options) : b.timeliness(kind, submitted, options),
    );
  }
  for (const c of vectorCases("consolidation")) {
    if (c.loadError) continue;
    const texts = c.raw.reports.map((r) => inputText(c, r));
    same(c.name, true, (b) => b.consolidate(texts, defined({ profile: profileOption(c), lang: "en" })));
  }
  for (const year of [2023, 2024, 2025, 2026, 2027, 2030]) same(`calendar ${year}`, false, (b) => b.calendar(year));
  for (const id of ["", "binh-dinh-2024", "no-such-profile"]) same(`profile ${id}`, false, (b) => b.profile(id));
  same("catalog", false, (b) => b.catalog());
  same("rules", false, (b) => b.rules());
  same("schema", false, (b) => b.schema());
  same("version", false, (b) => b.version());
  same("a profile as JSON text", true, (b) => b.profile(readText("core/data/profiles/binh-dinh-2024.json")));
  assert.ok(compared > 200 && refused > 20, `${compared} compared, ${refused} refused`);
});
