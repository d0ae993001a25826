import { ready, validate, deadlines, timeliness, calendar, catalog, profile, rules, TreemError } from "treem";
import type { TreemReport, FindingOutput } from "treem";
import { ready as readyFull, consolidate } from "treem/full";
import type { Consolidation } from "treem/full";

async function main(): Promise<void> {
  await ready();
  const report: TreemReport = {
    profile: "binh-dinh-2024", kind: "half_year", year: 2024,
    reporter: { id: "540", name: "Ủy ban nhân dân thành phố Quy Nhơn" },
    measures: { "abuse.cases": { total: 3 } },
  };
  const result = validate(JSON.stringify(report), { lang: "en" });
  const first: FindingOutput | undefined = result.findings[0];
  console.log(result.valid, first?.code, first?.path);
  console.log(deadlines({ asOf: "2024-05-10" })[0].last_on_time_day, timeliness("half_year", "2024-05-16").days_late);
  console.log(calendar(2024).length, catalog().indicators.length, profile().reporters.length, rules().length);
  await readyFull();
  const summed: Consolidation = consolidate([JSON.stringify(report)], { kind: "half_year" });
  console.log(summed.reporters.length);
  try { validate("{"); } catch (e) { if (e instanceof TreemError) console.log(e.code); }
}
main();
