// The portal form in a real browser: Debian's Chromium, driven by playwright-core, against the
// page served on 127.0.0.1 under its Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { validationCases, nativeCli, root, isProfileText } from "../../npm/test/helpers.mjs";
import { provincialReport } from "../../npm/scripts/provincial-report.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const example = fileURLToPath(new URL("../../../examples/quy-nhon-half-year-2024.json", import.meta.url));

let server, browser, context, page, base;
const problems = [];

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (apt-get install chromium)`);
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  context = await browser.newContext();
  page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`${base}/web-demo/`);
  await page.waitForSelector('body[data-ready="1"]');
});

after(async () => {
  await browser?.close();
  server?.close();
});

const male = '[data-path="/measures/abuse.children/by/sex/male"] input';
const sexFinding = '[data-path="/measures/abuse.children/by/sex"] .finding[data-code="measure.breakdown_sum"]';

test("the form is rendered from the profile: header, ten sections, measures with breakdowns", async () => {
  assert.equal(await page.locator("form#report > div[data-path='/sections'] > fieldset").count(), 10);
  assert.ok(await page.locator('[data-path="/measures/injury.children/by/injury_cause/drowning"] input').count());
  assert.match(await page.locator("#deadline").textContent(), /Hạn nộp: 2024-05-14/);
});

test("a loaded report validates; a breakdown that does not add up is shown at that field, and goes when fixed", async () => {
  await page.setInputFiles("#load", example);
  await page.waitForFunction(() => document.getElementById("summary").textContent.startsWith("Hợp lệ"));
  const before = Number(await page.inputValue(male));
  await page.fill(male, String(before + 1));
  await page.waitForSelector(sexFinding);
  assert.match(await page.locator(sexFinding).textContent(), /khác tổng theo giới tính/);
  assert.match(await page.locator("#summary").textContent(), /1 lỗi/);
  await page.fill(male, String(before));
  await page.waitForSelector(sexFinding, { state: "detached" });
  assert.match(await page.locator("#summary").textContent(), /^Hợp lệ/);
});

test("every shared validation vector gives the native verdict in the browser, lean and full builds", async () => {
  const cases = validationCases();
  assert.deepEqual(cases.filter((c) => c.loadError).map((c) => c.name), []);
  const got = await page.evaluate(async (inputs) => {
    const builds = [await import("/npm/dist/web.js"), await import("/npm/dist/web-full.js")];
    for (const b of builds) await b.ready();
    return builds.map((treem) =>
      inputs.map(([text, profile]) => {
        try {
          const r = treem.validate(text, profile === null ? {} : { profile });
          return [r.valid, r.findings.map((f) => [f.code, f.path]).sort()];
        } catch (e) {
          return { error: e.code };
        }
      }),
    );
  }, cases.map((c) => [c.text, c.profile ?? null]));
  const [lean, full] = got;
  cases.forEach((c, i) => {
    const expected = c.error === undefined ? [c.valid, c.findings] : { error: c.error };
    assert.deepEqual(full[i], expected, `${c.name} (treem/full)`);
    // The lean validator reads no profile given as JSON text: it says so, and answers the rest.
    assert.deepEqual(lean[i], isProfileText(c.profile) ? { error: "not_in_build" } : expected, `${c.name} (treem)`);
  });
});

test("it works offline once loaded", async () => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.match(await page.locator("#subtitle").textContent(), /treem/);
  await context.setOffline(false);
});

test("no page error and no Content-Security-Policy violation", async () => {
  // The module's start-up, over several fresh loads (one is too noisy on a shared machine);
  // printed, never asserted (timings are not tests).
  // Every sample list is printed the same way: its median, how many, and each one in order.
  const show = (xs, what) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const list = sorted.map((t) => t.toFixed(1)).join(", ");
    return `median ${sorted[sorted.length >> 1].toFixed(1)} ms of ${sorted.length} ${what} (${list})`;
  };
  const times = [];
  const since = [];
  for (let i = 0; i < 7; i++) {
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    const ready = await page.evaluate(() => [window.__treemReadyMs, window.__treemReadyAt]);
    times.push(ready[0]);
    since.push(ready[1]);
  }
  console.log(`# treem module ready in Chromium, from the page's script: ${show(times, "loads")}; the .wasm is preloaded`);
  console.log(`# treem module ready in Chromium, from navigation start (what a user waits): ${show(since, "loads")}`);
  // Instantiation alone: the bytes fetched first, then compiled and instantiated by a fresh
  // copy of the glue (a new module URL). Each copy of the bytes ends in a custom section with
  // its own name, so that V8 cannot reuse code it compiled before: every compile is cold.
  const instantiation = await page.evaluate(async () => {
    const base = new URL("../npm/dist/pkg/", document.baseURI);
    const bytes = new Uint8Array(await (await fetch(new URL("treem_wasm_bg.wasm", base))).arrayBuffer());
    const out = [];
    for (let i = 0; i < 7; i++) {
      const name = new TextEncoder().encode(`treem-cold-${i}-${Math.random()}`);
      const section = [0, name.length + 1, name.length, ...name];
      const cold = new Uint8Array(bytes.length + section.length);
      cold.set(bytes);
      cold.set(section, bytes.length);
      const glue = await import(new URL(`treem_wasm.js?fresh=${i}`, base).href);
      const started = performance.now();
      await glue.default({ module_or_path: cold });
      out.push(performance.now() - started);
    }
    return out;
  });
  console.log(`# treem module instantiation in Chromium (compile + instantiate from bytes): ${show(instantiation, "cold compiles")}`);
  // validate(text) on the benchmark's provincial report, beside JSON.parse and the hand-over
  // alone (TextEncoder.encodeInto), in this browser: printed, never asserted. Chromium reports
  // time in steps of 0.1 ms here, so each sample times 25 calls.
  const text = provincialReport(readFileSync(example, "utf8"));
  const speed = await page.evaluate(async (text) => {
    const treem = await import(new URL("../npm/dist/web.js", document.baseURI).href);
    await treem.ready();
    if (!treem.validate(text).valid) throw new Error("the provincial report is not valid");
    const encoder = new TextEncoder();
    const buffer = new Uint8Array(text.length * 3);
    const fns = [() => treem.validate(text), () => JSON.parse(text), () => encoder.encodeInto(text, buffer)];
    const times = fns.map(() => []);
    for (let round = -10; round < 101; round++) {
      fns.forEach((_, k) => {
        const i = (round + 10 + k) % fns.length;
        const started = performance.now();
        for (let n = 0; n < 25; n++) fns[i]();
        if (round >= 0) times[i].push((performance.now() - started) / 25);
      });
    }
    return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]);
  }, text);
  const [validateMs, parseMs, handOverMs] = speed;
  console.log(
    `# treem validate(text) in Chromium, provincial report: ${validateMs.toFixed(3)} ms; ` +
      `JSON.parse ${parseMs.toFixed(3)} ms (ratio ${(validateMs / parseMs).toFixed(2)}); ` +
      `hand-over alone (encodeInto) ${handOverMs.toFixed(3)} ms`,
  );
  assert.deepEqual(problems, []);
});

test("the consolidation page of treem consolidate opens in Chromium and shows every reporter's status", async () => {
  const examples = fileURLToPath(new URL("examples", root));
  const html = execFileSync(nativeCli(), ["consolidate", examples, "--kind", "annual", "--as-of", "2024-12-01", "--format", "html"], {
    encoding: "utf8",
  });
  const dir = mkdtempSync(join(tmpdir(), "treem-html-"));
  try {
    const file = join(dir, "tong-hop.html");
    writeFileSync(file, html);
    const report = await context.newPage();
    const errors = [];
    report.on("pageerror", (e) => errors.push(e.message));
    report.on("request", (r) => {
      if (!r.url().startsWith("file:")) errors.push(`outside request: ${r.url()}`);
    });
    await report.goto(pathToFileURL(file).href);
    const rows = report.locator("table.status tbody tr");
    const profile = JSON.parse(execFileSync(nativeCli(), ["profile", "--format", "json"], { encoding: "utf8" }));
    assert.equal(await rows.count(), profile.reporters.length);
    for (const r of profile.reporters) {
      const row = report.locator(`tr[data-reporter="${r.id}"]`);
      assert.equal(await row.count(), 1, r.id);
      assert.ok((await row.locator("td").nth(2).textContent()).length > 3, r.id);
      assert.match(await row.locator("td").nth(2).textContent(), /^(đúng hạn|chậm|chưa ghi ngày gửi|có lỗi|chưa nộp)/, r.id);
    }
    assert.equal(await report.locator('tr[data-status="on-time"]').count(), 2);
    assert.match(await report.locator("tr[data-reporter='545'] td").nth(2).textContent(), /chưa nộp, đã quá hạn/);
    assert.ok(await report.locator("figure.chart svg rect").count() > 0);
    assert.deepEqual(errors, []);
    await report.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
