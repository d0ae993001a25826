// The portal form: rendered from the profile, validated by treem's WebAssembly build on every
// keystroke, each finding shown beside its field. No rule lives here: the page only maps
// findings' JSON Pointers to the fields that carry them.
import { ready, validate, profile as loadProfile, deadlines } from "../npm/dist/web.js";

const started = performance.now();
await ready();
// Printed by the browser test: from this script's start, and from navigation start.
window.__treemReadyMs = performance.now() - started;
window.__treemReadyAt = performance.now();

const profile = loadProfile();
const form = document.getElementById("report");
const summary = document.getElementById("summary");
const others = document.getElementById("other-findings");

// ---------- the report being edited ----------

const escape = (t) => String(t).replaceAll("~", "~0").replaceAll("/", "~1");
const pointer = (...tokens) => tokens.map((t) => "/" + escape(t)).join("");
const tokensOf = (path) => path.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));

function blankReport() {
  const district = profile.reporters.find((r) => r.kind === "district_committee") ?? profile.reporters[0];
  return {
    profile: profile.id,
    kind: profile.report_kinds[0].id,
    year: profile.year,
    reporter: { id: district.id, name: district.name },
    sections: profile.sections.map((s) => ({ task: s.task, status: "not_started", narrative: "" })),
    measures: {},
  };
}

let report = blankReport();

/** Sets (or, for `undefined`, removes) the value at `path`, creating objects on the way. */
function setAt(path, value) {
  const tokens = tokensOf(path);
  const last = tokens.pop();
  let node = report;
  const chain = [];
  for (const t of tokens) {
    if (node[t] === undefined) {
      if (value === undefined) return;
      node[t] = {};
    }
    chain.push([node, t]);
    node = node[t];
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
  // Empty objects left behind are not reported values: "missing is not zero".
  for (let i = chain.length - 1; i >= 0; i--) {
    const [parent, key] = chain[i];
    const child = parent[key];
    if (child && typeof child === "object" && !Array.isArray(child) && Object.keys(child).length === 0 && tokens[0] !== "reporter") {
      delete parent[key];
    } else break;
  }
}

function getAt(path) {
  return tokensOf(path).reduce((node, t) => (node == null ? undefined : node[t]), report);
}

// ---------- the form ----------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter(Boolean));
  return e;
}

/** A labelled field bound to `path`; `kind` is "text", "number", "date", "textarea" or "select". */
function field(labelText, path, kind = "text", options = []) {
  let input;
  if (kind === "textarea") input = el("textarea");
  else if (kind === "select") {
    input = el("select");
    for (const [value, text] of options) input.append(el("option", { value, text }));
  } else input = el("input", { type: kind, ...(kind === "number" ? { min: "0", step: "1", inputmode: "numeric" } : {}) });
  input.dataset.bind = path;
  input.dataset.kind = kind;
  return el("label", { "data-path": path }, el("span", { text: labelText }), input);
}

const unitOf = (id) => profile.units.find((u) => u.id === id)?.name.vi ?? "";

function render() {
  form.replaceChildren();
  const header = el("fieldset", {}, el("legend", { text: "Thông tin chung" }));
  header.append(
    field("Loại báo cáo", "/kind", "select", profile.report_kinds.map((k) => [k.id, k.name.vi])),
    field("Đơn vị báo cáo", "/reporter/id", "select", profile.reporters.map((r) => [r.id, `${r.id} — ${r.name}`])),
    field("Tên đơn vị", "/reporter/name"),
    field("Ngày gửi", "/submitted_on", "date"),
    field("Số liệu tính đến ngày", "/data_as_of", "date"),
    field("Người lập biểu", "/prepared_by/name"),
    field("Chức vụ", "/prepared_by/position"),
    field("Điện thoại", "/prepared_by/phone"),
    field("Thư điện tử", "/prepared_by/email"),
    field("Người ký", "/signed_by/name"),
    field("Chức vụ người ký", "/signed_by/title"),
  );
  form.append(header);

  const sections = el("div", { "data-path": "/sections" }, el("h2", { text: "Kết quả thực hiện theo nhiệm vụ" }));
  const statuses = [["done", "Đã thực hiện"], ["in_progress", "Đang thực hiện"], ["not_started", "Chưa thực hiện"], ["not_applicable", "Không thuộc phạm vi"]];
  report.sections.forEach((section, i) => {
    const def = profile.sections.find((s) => s.task === section.task);
    const box = el("fieldset", { "data-path": pointer("sections", i) }, el("legend", { text: `${section.task}. ${def?.title.vi ?? ""}` }));
    box.append(
      field("Tình hình", pointer("sections", i, "status"), "select", statuses),
      field("Kết quả thực hiện", pointer("sections", i, "narrative"), "textarea"),
    );
    const docs = section.documents?.length ?? 0;
    if (docs) box.append(el("p", { "data-path": pointer("sections", i, "documents"), text: `${docs} văn bản đã ban hành` }));
    for (const m of profile.measures.filter((m) => m.section === section.task)) box.append(measure(m));
    sections.append(box);
  });
  form.append(sections);
  fill();
}

function measure(m) {
  const base = pointer("measures", m.id);
  const box = el("div", { class: "measure", "data-path": base });
  box.append(field(`${m.name.vi} (${unitOf(m.unit)})`, `${base}/total`, "number"));
  for (const dimId of m.breakdowns ?? []) {
    const dim = profile.dimensions.find((d) => d.id === dimId);
    const row = el("div", { class: "breakdown", "data-path": `${base}/by/${escape(dimId)}` }, el("span", { class: "name", text: `Theo ${dim.name.vi}` }));
    for (const member of dim.members) row.append(field(member.name.vi, `${base}/by/${escape(dimId)}/${escape(member.id)}`, "number"));
    box.append(row);
  }
  return box;
}

/** Puts the report's values into the inputs. */
function fill() {
  for (const input of form.querySelectorAll("[data-bind]")) {
    const value = getAt(input.dataset.bind);
    input.value = value === undefined || value === null ? "" : String(value);
  }
}

form.addEventListener("input", (event) => {
  const input = event.target;
  if (!input.dataset?.bind) return;
  const raw = input.value.trim();
  let value;
  if (raw === "") value = input.dataset.bind.endsWith("/narrative") ? "" : undefined;
  else if (input.dataset.kind === "number") value = Number.isFinite(Number(raw)) ? Number(raw) : raw;
  else value = input.value;
  if (input.dataset.bind === "/reporter/id") {
    const def = profile.reporters.find((r) => r.id === value);
    setAt("/reporter/id", value ?? "");
    if (def) {
      setAt("/reporter/name", def.name);
      fill();
    }
  } else {
    setAt(input.dataset.bind, value);
  }
  check();
});
form.addEventListener("change", (event) => event.target.dataset?.kind === "select" && form.dispatchEvent(new Event("input")));

// ---------- findings beside their fields ----------

function check() {
  for (const f of form.querySelectorAll(".finding")) f.remove();
  for (const e of form.querySelectorAll(".has-error")) e.classList.remove("has-error");
  const list = others.querySelector("ul");
  list.replaceChildren();
  let result;
  try {
    result = validate(JSON.stringify(report));
  } catch (e) {
    summary.textContent = `Không kiểm tra được: ${e.message}`;
    summary.className = "bad";
    return;
  }
  for (const finding of result.findings) {
    const note = el("span", { class: `finding ${finding.severity}`, "data-code": finding.code, "data-for": finding.path, text: finding.message });
    const target = placeFor(finding.path);
    if (target) {
      target.append(note);
      if (finding.severity === "error") target.classList.add("has-error");
    } else {
      list.append(el("li", {}, note));
    }
  }
  others.hidden = list.children.length === 0;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  summary.textContent = result.valid ? `Hợp lệ — ${warnings} cảnh báo` : `${errors} lỗi, ${warnings} cảnh báo`;
  summary.className = result.valid ? "ok" : "bad";
  showDeadline();
}

/** The element a finding belongs beside: its field, or the nearest enclosing one. */
function placeFor(path) {
  let tokens = tokensOf(path);
  while (tokens.length > 0) {
    const p = tokens.map((t) => "/" + escape(t)).join("");
    const target = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (target) return target;
    tokens = tokens.slice(0, -1);
  }
  return null;
}

// ---------- deadline ----------

function showDeadline() {
  // The page, not treem, reads the clock: "today" in Vietnam's time zone.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  const box = document.getElementById("deadline");
  try {
    const d = deadlines({ asOf: today }).find((x) => x.kind === report.kind);
    if (!d) {
      box.textContent = "";
      return;
    }
    box.textContent = `Hạn nộp: ${d.last_on_time_day} — tính đến hôm nay (${today}): ${d.remaining.summary.vi}. ${d.explanation.vi}`;
  } catch (e) {
    box.textContent = `Không tính được hạn nộp: ${e.message}`;
  }
}

// ---------- load and save ----------

document.getElementById("load").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  try {
    const loaded = JSON.parse(await file.text());
    if (Array.isArray(loaded.sections)) loaded.sections.sort((a, b) => (a.task ?? 99) - (b.task ?? 99));
    report = loaded;
  } catch (e) {
    summary.textContent = `Tệp không phải JSON: ${e.message}`;
    summary.className = "bad";
    return;
  }
  render();
  check();
});

document.getElementById("save").addEventListener("click", () => {
  const blob = new Blob([JSON.stringify(report, null, 2) + "\n"], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: `bao-cao-${report.reporter?.id ?? "tre-em"}-${report.kind}.json` });
  a.click();
  URL.revokeObjectURL(a.href);
});

// ---------- start ----------

document.getElementById("subtitle").textContent = `${profile.title.vi} — kiểm tra bằng treem ${(await import("../npm/dist/web.js")).version()}`;
render();
check();
if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
document.body.dataset.ready = "1";
