// The JavaScript API: values, thrown errors with codes, messages in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as treem from "../dist/node.js";
import * as full from "../dist/node-full.js";
import { readText } from "./helpers.mjs";

const example = readText("examples/quy-nhon-half-year-2024.json");

test("validate returns findings as data, in Vietnamese by default and English on request", () => {
  const report = JSON.parse(example);
  report.measures["abuse.children"] = { total: 8, by: { sex: { male: 3, female: 4 } } };
  const vi = treem.validate(JSON.stringify(report));
  assert.equal(vi.valid, false);
  assert.equal(vi.findings.length, 1);
  assert.equal(vi.findings[0].path, "/measures/abuse.children/by/sex");
  assert.match(vi.findings[0].message, /Tổng số trẻ em bị xâm hại \(8\) khác tổng theo giới tính \(3 \+ 4 = 7\)/);
  const en = treem.validate(JSON.stringify(report), { lang: "en" });
  assert.match(en.findings[0].message, /differs from the sum by sex/);
});

test("operational failures throw an Error with a stable code", () => {
  const code = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof Error);
      return e.code;
    }
    return "no error";
  };
  assert.equal(code(() => treem.validate("{ not json")), "json_syntax");
  assert.equal(code(() => treem.validate(example, { profile: "gia-lai-2026" })), "unknown_profile");
  assert.equal(code(() => treem.validate({})), "invalid_options");
  assert.equal(code(() => treem.calendar(2019)), "year_not_covered");
  assert.equal(code(() => treem.timeliness("quarterly", "2024-05-16")), "unknown_report_kind");
  assert.equal(code(() => treem.deadlines({ asOf: "2024-02-30" })), "invalid_date");
  // Text options that are not strings are refused before they reach the module.
  assert.equal(code(() => treem.validate(example, { lang: 5 })), "invalid_options");
  assert.equal(code(() => treem.validate(example, { profile: {} })), "invalid_options");
  assert.equal(code(() => treem.calendar(2024, { lang: ["en"] })), "invalid_options");
  assert.equal(code(() => treem.profile(5)), "invalid_options");
  assert.equal(code(() => treem.timeliness(5, "2024-05-16")), "invalid_options");
  assert.equal(code(() => treem.consolidate([example], { lang: 5 })), "invalid_options");
  assert.equal(code(() => treem.deadlines({ profile: 5 })), "invalid_options");
});

test("a profile given as JSON text validates like the embedded one (treem/full)", () => {
  const profileJson = readText("core/data/profiles/binh-dinh-2024.json");
  assert.deepEqual(full.validate(example, { profile: profileJson }), { valid: true, findings: [] });
});

test("the lean build leaves out consolidation and profiles given as JSON text, and says where they are", () => {
  const profileJson = readText("core/data/profiles/binh-dinh-2024.json");
  const thrown = (run) => {
    try {
      run();
    } catch (e) {
      assert.ok(e instanceof treem.TreemError);
      return e;
    }
    assert.fail("no error thrown");
  };
  for (const run of [
    () => treem.validate(example, { profile: profileJson }),
    () => treem.deadlines({ profile: profileJson }),
    () => treem.profile(profileJson),
    () => treem.consolidate([example]),
  ]) {
    const e = thrown(run);
    assert.equal(e.code, "not_in_build");
    assert.match(e.message, /treem\/full/);
  }
  assert.match(thrown(() => treem.consolidate([example], { lang: "en" })).message, /^consolidation: not in the lean/);
  assert.match(thrown(() => treem.consolidate([example])).message, /^Bản kiểm tra gọn không có chức năng tổng hợp/);
  // Arguments are still checked first, as in the full build.
  assert.equal(thrown(() => treem.consolidate("x")).code, "invalid_options");
  assert.equal(full.consolidate([example]).reporters.length, 23);
});

test("deadlines, timeliness and calendar agree with the CLI's answers", () => {
  assert.deepEqual(treem.deadlines().map((d) => d.last_on_time_day), ["2024-05-14", "2024-11-14"]);
  assert.deepEqual(treem.deadlines({ reading: "by" }).map((d) => d.last_on_time_day), ["2024-05-15", "2024-11-15"]);
  assert.equal(treem.deadlines({ asOf: "2024-05-10" })[0].remaining.working_days_remaining, 2);
  const late = treem.timeliness("half_year", "2024-05-16");
  assert.deepEqual([late.status, late.days_late, late.working_days_late], ["late", 2, 2]);
  const days = treem.calendar(2024);
  assert.ok(days.some((d) => d.date === "2024-05-04" && d.working && d.source === "official"));
});

test("catalog, profile, rules, schema, version", () => {
  assert.ok(treem.catalog().indicators.some((i) => i.annex === "I" && i.code === "0605"));
  assert.equal(treem.profile("binh-dinh-2024").reporters.filter((r) => r.kind === "district_committee").length, 11);
  assert.ok(treem.rules().some((r) => r.code === "measure.breakdown_sum" && r.checks.vi && r.checks.en));
  assert.equal(treem.schema().$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.match(treem.version(), /^\d+\.\d+\.\d+/);
});

test("every kind of text reaches the module intact: empty, ASCII, two-, three- and four-byte UTF-8, NFD, a lone surrogate", () => {
  // An unknown key at the root is named in its finding, so the key shows what the module read.
  const keys = {
    ascii: "Uy ban nhan dan",
    two: "Đà Nẵng ©",
    three: "ệệệ",
    four: "trẻ em 🧒",
    nfd: "Quy Nhơn".normalize("NFD"),
    surrogate: "a\uD800b",
  };
  for (const build of [treem, full]) {
    for (const [name, key] of Object.entries(keys)) {
      const report = JSON.parse(example);
      report.KEY = 1;
      // Written into the text as it is (JSON.stringify would escape a lone surrogate).
      const text = JSON.stringify(report).replace('"KEY"', `"${key}"`);
      const found = build.validate(text, { lang: "en" }).findings;
      const unknown = found.filter((f) => f.code === "structure.unknown_key");
      assert.equal(unknown.length, 1, name);
      // What TextEncoder writes for a lone surrogate: U+FFFD. Names are composed to NFC.
      const wellFormed = key.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
      assert.equal(unknown[0].params.key, wellFormed.normalize("NFC"), name);
    }
    assert.throws(() => build.validate(""), { code: "json_syntax" });
  }
});
