//! `treem consolidate`: reads report files (folders recursively) on every core, hands them to
//! core's consolidator, and prints the result as text, JSON, CSV for Excel or an HTML page.

use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use treem::consolidate::{Checked, Consolidation, Consolidator, Status, check};
use treem::{Lang, Profile, Validator};

/// Inputs from this many files on show progress and a closing summary on standard error.
const MANY: usize = 50;

/// Every report file under `paths`: files as given, folders searched recursively for `*.json`
/// (in any letter case), in a stable order. Links to folders are not followed (a link loop would
/// read files forever). A subfolder that cannot be listed, a `*.json` link that leads nowhere
/// (dangling, or a loop) and a `*.json` that is a socket, pipe or device are returned beside the
/// files, so that each is reported rather than silently missed.
///
/// # Errors
///
/// A path given that does not exist.
pub fn files(paths: &[String]) -> Result<Walk, (String, io::Error)> {
    let mut walk = Walk::default();
    for path in paths {
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| (path.clone(), e))?;
        if meta.is_dir() {
            visit(p, &mut walk);
        } else {
            walk.files.push(p.to_path_buf());
        }
    }
    Ok(walk)
}

/// What a walk found.
#[derive(Default)]
pub struct Walk {
    /// Report files, in order.
    pub files: Vec<PathBuf>,
    /// Folders that could not be listed, and `*.json` entries that cannot be read as files
    /// (links that lead nowhere, sockets, pipes, devices), and why.
    pub unreadable: Vec<(PathBuf, io::Error)>,
}

fn visit(dir: &Path, walk: &mut Walk) {
    let listing = match std::fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) => return walk.unreadable.push((dir.to_path_buf(), e)),
    };
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = listing
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().ok()))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        let json = path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("json"));
        match kind {
            Some(k) if k.is_dir() => visit(&path, walk),
            Some(k) if k.is_file() && json => walk.files.push(path),
            // A link: taken when it leads to a regular file, never followed to a folder; one
            // that leads nowhere is reported as unreadable.
            Some(k) if k.is_symlink() && json => match path.metadata() {
                Ok(m) if m.is_file() => walk.files.push(path),
                Ok(m) if m.is_dir() => {}
                Ok(_) => walk.unreadable.push((path, not_a_file())),
                Err(e) => walk.unreadable.push((path, e)),
            },
            Some(_) if json => walk.unreadable.push((path, not_a_file())),
            None if json => walk
                .unreadable
                .push((path, io::Error::other("the entry's type cannot be read"))),
            _ => {}
        }
    }
}

/// Why a `*.json` entry that is a socket, pipe or device is not read.
fn not_a_file() -> io::Error {
    io::Error::other("not a regular file (a socket, pipe or device)")
}

/// Reads and checks `files` on `jobs` threads, adding each to `into` as it is ready. Memory
/// stays bounded: at most a few files per thread are in flight.
pub fn read_all(
    validator: &Validator,
    files: &[PathBuf],
    jobs: usize,
    into: &mut Consolidator<'_>,
    max_input: usize,
    lang: Lang,
) -> Reading {
    let interactive = io::stderr().is_terminal() && files.len() >= MANY;
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let jobs = jobs.clamp(1, files.len().max(1));
    // A short queue: the readers never run more than this far ahead of the consolidator.
    let (send, receive) = mpsc::sync_channel::<Checked>(jobs * 32);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let source = path.display().to_string();
                    let bytes =
                        std::fs::File::open(path).and_then(|f| crate::read_limited(f, max_input));
                    let checked = match bytes.map(|b| b.map(String::from_utf8)) {
                        Ok(Some(Ok(text))) => check(validator, i, &source, &text),
                        Ok(Some(Err(_))) => Checked::unreadable(i, &source, true),
                        Ok(None) => Checked::too_large(i, &source),
                        Err(e) => {
                            Checked::unreadable(i, &source, e.kind() == io::ErrorKind::InvalidData)
                        }
                    };
                    if send.send(checked).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (n, checked) in receive.iter().enumerate() {
            into.add(checked);
            if interactive && (n + 1) % 100 == 0 {
                let done = match lang {
                    Lang::Vi => "đã đọc",
                    Lang::En => "read",
                };
                eprint!("\r\x1b[K{done} {}/{} …", n + 1, files.len());
            }
        }
    });
    if interactive {
        eprint!("\r\x1b[K");
    }
    Reading {
        files: files.len(),
        jobs,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// How the reading went, for the closing summary.
pub struct Reading {
    files: usize,
    jobs: usize,
    seconds: f64,
}

impl Reading {
    /// With many files, one line on standard error: files, time, rate, threads and the peak
    /// memory so far (call it last, when the output is ready).
    pub fn summarise(&self, lang: Lang) {
        if self.files < MANY {
            return;
        }
        let (files, jobs, seconds) = (self.files, self.jobs, self.seconds);
        let rate = files as f64 / seconds.max(1e-9);
        let memory = peak_memory_mib()
            .map(|m| match lang {
                Lang::Vi => format!("; bộ nhớ đỉnh {m:.0} MiB"),
                Lang::En => format!("; peak memory {m:.0} MiB"),
            })
            .unwrap_or_default();
        match lang {
            Lang::Vi => eprintln!(
                "treem: đã đọc {files} tệp trong {seconds:.2} giây ({rate:.0} tệp/giây, {jobs} luồng{memory})"
            ),
            Lang::En => eprintln!(
                "treem: read {files} files in {seconds:.2} s ({rate:.0} files/s, {jobs} threads{memory})"
            ),
        }
    }
}

/// The process's peak resident memory, where the system says it (Linux).
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Why an input was not counted for a reporter, for people.
fn reason_label(reason: &str, lang: Lang) -> &str {
    match (reason, lang) {
        ("other_kind", Lang::Vi) => "báo cáo loại khác: chỉ dùng để so sánh số liệu cộng dồn",
        ("other_kind", Lang::En) => "a report of another kind: only compared with",
        ("other_year", Lang::Vi) => "báo cáo của năm khác",
        ("other_year", Lang::En) => "a report for another year",
        ("other_profile", Lang::Vi) => "báo cáo theo bộ cấu hình báo cáo (profile) khác",
        ("other_profile", Lang::En) => "a report under another profile",
        ("unknown_reporter", Lang::Vi) => "mã đơn vị không có trong danh sách",
        ("unknown_reporter", Lang::En) => "a reporter the profile does not know",
        ("unknown_report_kind", Lang::Vi) => "loại báo cáo không có trong profile",
        ("unknown_report_kind", Lang::En) => "a report kind the profile does not define",
        ("json_syntax", Lang::Vi) => "không phải JSON",
        ("json_syntax", Lang::En) => "not JSON",
        ("report_structure", Lang::Vi) => "không đọc được phần đầu báo cáo",
        ("report_structure", Lang::En) => "the report's header cannot be read",
        ("not_utf8", Lang::Vi) => {
            "tệp không ở mã UTF-8 (có thể lưu bằng bảng mã cũ như TCVN3, VNI)"
        }
        ("not_utf8", Lang::En) => "not UTF-8 text (perhaps saved in an old encoding)",
        ("input_too_large", Lang::Vi) => "tệp quá lớn, không đọc (xem --max-input-size)",
        ("input_too_large", Lang::En) => "too large to read (see --max-input-size)",
        ("io", Lang::Vi) => "không đọc được tệp hoặc thư mục",
        ("io", Lang::En) => "the file or folder cannot be read",
        (other, _) => other,
    }
}

fn status_label(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::OnTime, Lang::Vi) => "đúng hạn",
        (Status::Late, Lang::Vi) => "chậm",
        (Status::Undated, Lang::Vi) => "chưa ghi ngày gửi",
        (Status::Invalid, Lang::Vi) => "có lỗi",
        (Status::Missing, Lang::Vi) => "chưa nộp",
        (Status::OnTime, Lang::En) => "on time",
        (Status::Late, Lang::En) => "late",
        (Status::Undated, Lang::En) => "undated",
        (Status::Invalid, Lang::En) => "invalid",
        (Status::Missing, Lang::En) => "missing",
    }
}

/// A reporter's status in a sentence fragment: "chậm 2 ngày (2 ngày làm việc)".
fn status_detail(r: &treem::consolidate::ReporterStatus, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = status_label(r.status, lang).to_owned();
    match r.status {
        Status::Late => {
            // core's one wording of a span of days (plurals included)
            let (d, w) = (r.days_late.unwrap_or(0), r.working_days_late.unwrap_or(0));
            let days = treem::calendar::days_phrase(d, w);
            let _ = if vi {
                write!(s, " {}", days.vi)
            } else {
                write!(s, " by {}", days.en)
            };
        }
        Status::Invalid => {
            let _ = if vi {
                write!(s, ": {} lỗi", r.errors)
            } else {
                write!(s, ": {} error(s)", r.errors)
            };
        }
        Status::Missing if r.overdue == Some(true) => {
            s.push_str(if vi { ", đã quá hạn" } else { ", overdue" });
        }
        Status::Missing if r.overdue == Some(false) => {
            s.push_str(if vi {
                ", chưa đến hạn"
            } else {
                ", not yet due"
            });
        }
        _ => {}
    }
    s
}

/// How many reports came in, of how many, and the day they were due: the first sentence of the
/// text and HTML views.
fn received(c: &Consolidation, lang: Lang) -> String {
    let p = &c.completeness;
    let (received, expected, valid, due) = (p.received, p.expected, p.valid, c.last_on_time_day);
    match lang {
        Lang::Vi => format!(
            "Đã nhận {received}/{expected} đơn vị ({valid} hợp lệ, được tổng hợp); ngày cuối cùng đúng hạn {due}{}.",
            c.as_of
                .map(|d| format!("; tình hình đến ngày {d}"))
                .unwrap_or_default()
        ),
        Lang::En => format!(
            "Received {received}/{expected} reporters ({valid} valid, consolidated); last on-time day {due}{}.",
            c.as_of.map(|d| format!("; as of {d}")).unwrap_or_default()
        ),
    }
}

/// The heading of the inputs set aside, in the text and HTML views.
fn not_counted(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Không tính vào tổng hợp này",
        Lang::En => "Not counted in this consolidation",
    }
}

/// The heading of what the sums leave out, in the text and HTML views.
fn left_out_of_sums(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Không tổng hợp được",
        Lang::En => "Left out of the sums",
    }
}

/// What the consolidated report leaves out, one sentence each, with the profile's names.
fn omissions(c: &Consolidation, profile: &Profile, lang: Lang) -> Vec<String> {
    let vi = lang == Lang::Vi;
    let measure = |id: &str| {
        profile
            .measure(id)
            .map_or(id, |m| m.name.get(lang))
            .to_owned()
    };
    let reporters = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                profile
                    .reporter(id)
                    .map_or(id.as_str(), |r| r.name.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = Vec::new();
    for m in &c.omitted_measures {
        lines.push(if vi {
            format!(
                "“{}”: tổng vượt “{}” vì có đơn vị ghi chỉ số này mà không ghi chỉ số bao trùm ({}).",
                measure(&m.measure),
                measure(&m.whole),
                reporters(&m.without)
            )
        } else {
            format!(
                "“{}”: its sum exceeds “{}”, because some reporters gave it without the whole ({}).",
                measure(&m.measure),
                measure(&m.whole),
                reporters(&m.without)
            )
        });
    }
    for b in &c.omitted_breakdowns {
        let dimension = profile.dimension(&b.dimension);
        let dim_name = dimension.map_or(b.dimension.as_str(), |d| d.name.get(lang));
        let what = match &b.member {
            Some(m) => {
                let member = dimension
                    .and_then(|d| d.members.iter().find(|x| &x.id == m))
                    .map_or(m.as_str(), |x| x.name.get(lang));
                format!("“{}”, {dim_name}: {member}", measure(&b.measure))
            }
            None => format!(
                "“{}” {} {dim_name}",
                measure(&b.measure),
                if vi { "theo" } else { "by" }
            ),
        };
        lines.push(if vi {
            format!("{what}: không ghi ở {}.", reporters(&b.without))
        } else {
            format!("{what}: not given by {}.", reporters(&b.without))
        });
    }
    for o in &c.omitted_indicators {
        let why = match (o.reason.as_str(), vi) {
            ("zero_denominator", true) => "mẫu số cộng lại bằng 0",
            ("zero_denominator", false) => "the summed denominator is 0",
            ("no_parts", true) => "có đơn vị chỉ ghi tỷ lệ, không ghi tử số và mẫu số",
            ("no_parts", false) => {
                "a reporter gave the share without its numerator and denominator"
            }
            ("overflow", true) => "tổng vượt quá số lớn nhất báo cáo ghi được (2^53 − 1)",
            ("overflow", false) => {
                "the sum exceeds the largest figure a report can hold (2^53 − 1)"
            }
            // A reason added to core later is shown by its code, never as another's sentence.
            (other, _) => other,
        };
        lines.push(if vi {
            format!("Chỉ tiêu {}: {why}.", o.indicator)
        } else {
            format!("Indicator {}: {why}.", o.indicator)
        });
    }
    lines
}

/// The plain-text summary: completeness, every reporter's status, warnings, unassigned inputs.
pub fn text(c: &Consolidation, profile: &Profile, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let kind = profile
        .report_kind(&c.kind)
        .map_or(c.kind.as_str(), |k| k.name.get(lang));
    let _ = writeln!(s, "{kind}");
    let _ = writeln!(s, "{}\n", received(c, lang));
    for r in &c.reporters {
        let _ = writeln!(
            s,
            "  {:<10} {:<52} {}",
            r.id,
            r.name,
            status_detail(r, lang)
        );
    }
    if !c.findings.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            if vi {
                "Cảnh báo và lỗi:"
            } else {
                "Warnings and errors:"
            }
        );
        for f in &c.findings {
            let _ = writeln!(s, "  [{}] {}", f.code, f.message(lang));
        }
    }
    if !c.unassigned.is_empty() {
        let _ = writeln!(s, "\n{}:", not_counted(lang));
        for u in &c.unassigned {
            let _ = writeln!(s, "  {}: {}", u.source, reason_label(&u.reason, lang));
        }
    }
    let left_out = omissions(c, profile, lang);
    if !left_out.is_empty() {
        let _ = writeln!(s, "\n{}:", left_out_of_sums(lang));
        for line in left_out {
            let _ = writeln!(s, "  {line}");
        }
    }
    s
}

/// One CSV cell: defused against formulas ([`crate::safe::defused`]), quoted when it must be.
fn csv_field(out: &mut String, value: &str) {
    let value = crate::safe::defused(value);
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&value);
    }
}

fn csv_row(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// The figures as CSV for Excel: UTF-8 with a byte-order mark, one row per total and per
/// breakdown member, the consolidated figure and then each reporter's.
pub fn csv(c: &Consolidation, profile: &Profile, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let contributors: Vec<&treem::consolidate::ReporterStatus> = c
        .reporters
        .iter()
        .filter(|r| r.status.is_summed())
        .collect();
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = if vi {
        ["Mã chỉ số", "Tên chỉ số", "Phân tổ", "Nhóm", "Tổng hợp"]
    } else {
        ["Measure", "Name", "Breakdown", "Member", "Consolidated"]
    }
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    header.extend(contributors.iter().map(|r| r.name.clone()));
    csv_row(&mut out, &header);
    for (id, measure) in &c.consolidated.measures {
        let def = profile.measure(id);
        let name = def.map_or("", |d| d.name.get(lang)).to_owned();
        let who = c.contributions.get(id);
        let mut row = vec![
            id.clone(),
            name.clone(),
            String::new(),
            String::new(),
            measure.total.get().to_string(),
        ];
        row.extend(contributors.iter().map(|r| {
            who.and_then(|w| w.total.get(&r.id))
                .map_or_else(String::new, |q| q.get().to_string())
        }));
        csv_row(&mut out, &row);
        for (dimension, members) in &measure.by {
            let dim = profile.dimension(dimension);
            for (member, value) in members {
                let member_name = dim
                    .and_then(|d| d.members.iter().find(|m| &m.id == member))
                    .map_or(member.as_str(), |m| m.name.get(lang));
                let mut row = vec![
                    id.clone(),
                    name.clone(),
                    dim.map_or(dimension.as_str(), |d| d.name.get(lang))
                        .to_owned(),
                    member_name.to_owned(),
                    value.get().to_string(),
                ];
                row.extend(contributors.iter().map(|r| {
                    who.and_then(|w| w.by.get(dimension))
                        .and_then(|m| m.get(member))
                        .and_then(|m| m.get(&r.id))
                        .map_or_else(String::new, |q| q.get().to_string())
                }));
                csv_row(&mut out, &row);
            }
        }
    }
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One self-contained page an official can open or print: completeness, the status table of
/// every reporter, warnings, and a bar chart per main measure (those the profile requires of
/// district People's Committees) by unit. No script, no outside resource.
pub fn html(c: &Consolidation, profile: &Profile, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let e = html_escape;
    let kind = profile
        .report_kind(&c.kind)
        .map_or(c.kind.clone(), |k| k.name.get(lang).to_owned());
    let title = if vi {
        format!("Tổng hợp: {kind}")
    } else {
        format!("Consolidation: {kind}")
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        if vi { "vi" } else { "en" },
        e(&title),
        STYLE,
        e(&title)
    );
    let _ = writeln!(s, "<p class=\"summary\">{}</p>", e(&received(c, lang)));
    let (h_unit, h_status, h_submitted, h_file) = if vi {
        ("Đơn vị", "Tình trạng", "Ngày gửi", "Tệp")
    } else {
        ("Reporter", "Status", "Submitted", "File")
    };
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<table class=\"status\">\n<thead><tr><th>{}</th><th>{h_unit}</th><th>{h_status}</th><th>{h_submitted}</th><th>{h_file}</th></tr></thead>\n<tbody>",
        if vi {
            "Tình hình nộp báo cáo"
        } else {
            "Reports received"
        },
        if vi { "Mã" } else { "Id" }
    );
    for r in &c.reporters {
        let class = match r.status {
            Status::OnTime => "on-time",
            Status::Late => "late",
            Status::Undated => "undated",
            Status::Invalid => "invalid",
            Status::Missing => "missing",
        };
        let _ = writeln!(
            s,
            "<tr class=\"{class}\" data-reporter=\"{}\" data-status=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&r.id),
            class,
            e(&r.id),
            e(&r.name),
            e(&status_detail(r, lang)),
            r.submitted_on.map(|d| d.to_string()).unwrap_or_default(),
            e(r.source.as_deref().unwrap_or_default())
        );
    }
    s.push_str("</tbody>\n</table>\n");
    if !c.findings.is_empty() || !c.unassigned.is_empty() {
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<ul>",
            if vi { "Cảnh báo" } else { "Warnings" }
        );
        for f in &c.findings {
            let _ = writeln!(s, "<li>{}</li>", e(&f.message(lang)));
        }
        for u in &c.unassigned {
            let _ = writeln!(
                s,
                "<li>{}: <code>{}</code>: {}</li>",
                not_counted(lang),
                e(&u.source),
                e(reason_label(&u.reason, lang))
            );
        }
        s.push_str("</ul>\n");
    }
    let left_out = omissions(c, profile, lang);
    if !left_out.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", left_out_of_sums(lang));
        for line in left_out {
            let _ = writeln!(s, "<li>{}</li>", e(&line));
        }
        s.push_str("</ul>\n");
    }
    let main: Vec<&str> = profile
        .reporter_kinds
        .iter()
        .flat_map(|k| k.required_measures.iter().map(|r| r.measure.as_str()))
        .fold(Vec::new(), |mut acc, m| {
            if !acc.contains(&m) {
                acc.push(m);
            }
            acc
        });
    let _ = writeln!(
        s,
        "<h2>{}</h2>",
        if vi {
            "Các chỉ số chính theo đơn vị"
        } else {
            "Main measures by reporter"
        }
    );
    for id in main {
        let (Some(measure), Some(who)) = (c.consolidated.measures.get(id), c.contributions.get(id))
        else {
            continue;
        };
        let name = profile.measure(id).map_or(id, |d| d.name.get(lang));
        let _ = writeln!(
            s,
            "<figure class=\"chart\"><figcaption>{} — {}: <strong>{}</strong></figcaption>",
            e(name),
            if vi { "tổng hợp" } else { "consolidated" },
            measure.total.get()
        );
        s.push_str(&bars(c, who, lang));
        s.push_str("</figure>\n");
    }
    let _ = writeln!(
        s,
        "<footer>{}</footer>\n</body>\n</html>",
        if vi {
            "Lập bằng treem: số liệu chỉ gồm các báo cáo hợp lệ; tỷ lệ tính lại từ tử số và mẫu số đã cộng."
        } else {
            "Made with treem: figures include valid reports only; shares are recomputed from summed numerators and denominators."
        }
    );
    s
}

/// A horizontal bar chart (inline SVG) of one measure's figure per reporter.
fn bars(c: &Consolidation, who: &treem::consolidate::Contributors, lang: Lang) -> String {
    let rows: Vec<(&str, u64)> = c
        .reporters
        .iter()
        .filter_map(|r| who.total.get(&r.id).map(|q| (r.name.as_str(), q.get())))
        .collect();
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    // Room for the longest name (about 6 px a character at 11 px), within reason.
    let longest = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    let label_w = (longest as f64 * 6.2 + 12.0).clamp(120.0, 460.0);
    let (bar_w, row_h) = (360.0, 18.0);
    let height = row_h * rows.len() as f64 + 4.0;
    let mut s = format!(
        "<svg role=\"img\" viewBox=\"0 0 {} {height}\" width=\"100%\" aria-label=\"{}\">",
        label_w + bar_w + 80.0,
        if lang == Lang::Vi {
            "biểu đồ theo đơn vị"
        } else {
            "chart by reporter"
        }
    );
    for (i, (name, value)) in rows.iter().enumerate() {
        let y = row_h * i as f64 + 2.0;
        let w = bar_w * *value as f64 / max as f64;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\"/><text x=\"{}\" y=\"{}\">{value}</text>",
            label_w - 6.0,
            y + 12.5,
            html_escape(name),
            label_w,
            y + 2.0,
            row_h - 5.0,
            label_w + w + 4.0,
            y + 12.5
        );
    }
    s.push_str("</svg>");
    s
}

const STYLE: &str = "body { font-family: system-ui, 'Segoe UI', Roboto, Arial, sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; }
th { background: #f0f0f0; }
tr.on-time td:nth-child(3) { color: #1b6e20; }
tr.late td:nth-child(3), tr.undated td:nth-child(3) { color: #9a5b00; }
tr.invalid td:nth-child(3), tr.missing td:nth-child(3) { color: #b00020; font-weight: 600; }
figure.chart { margin: 1.5rem 0; page-break-inside: avoid; }
figcaption { margin-bottom: 0.3rem; }
svg text { font-size: 11px; fill: #1a1a1a; } svg rect { fill: #2f6db5; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #555; }
@media print { body { margin: 1cm; } h2 { page-break-after: avoid; } }";
