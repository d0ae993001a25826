//! `treem`: validate child-affairs reports and look at profiles, the indicator catalog, the rules
//! and the schema from the command line.
//!
//! This binary parses arguments, reads files and prints; every decision is made in the `treem`
//! library.

mod consolidate;
mod output;
mod safe;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use treem::{Calendar, CivilDate, Deadline, Error, Lang, Profile, Reading, Validation, Validator};

/// Validate Vietnamese child-affairs reports (công tác trẻ em) and explore their profiles.
#[derive(Parser)]
#[command(name = "treem", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages and text output: Vietnamese (default) or English.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// The largest file read (report, profile, schedule), in bytes, or with K, M or G (e.g. 20M):
    /// a larger one is refused before it is read whole. Default 10M.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size)]
    max_input_size: Option<usize>,
}

/// A size in bytes, written `1048576`, `512K`, `10M` or `1G`.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let unit: usize = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => {
            return Err(format!(
                "`{text}`: write a size such as 1048576, 512K, 10M or 1G"
            ));
        }
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{text}`: write a size such as 1048576, 512K, 10M or 1G"))
}

/// The limit on the size of what is read, from `--max-input-size`.
static MAX_INPUT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// The largest input read, in bytes.
fn max_input() -> usize {
    *MAX_INPUT.get_or_init(|| treem::Limits::DEFAULT_MAX_INPUT_BYTES)
}

#[derive(Subcommand)]
enum Command {
    /// Validate report files (exit 0: no error; 1: an error finding; 2: could not validate).
    Validate {
        /// Report JSON files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Profile to validate against: an embedded id or a profile JSON file. By default, the
        /// embedded profile the report names.
        #[arg(long)]
        profile: Option<String>,
        #[command(flatten)]
        calendar: CalendarArg,
    },
    /// Show a profile: the embedded default, an embedded id, or a profile JSON file.
    Profile {
        /// Embedded profile id or path to a profile JSON file.
        profile: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show the indicator catalog of Circular 13/2021/TT-BLĐTBXH.
    Catalog {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List every validation rule with its code, severity and source.
    Rules {
        /// Output format (markdown is RULES.md).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print a JSON Schema (draft 2020-12): the report's by default.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaName::Report)]
        name: SchemaName,
    },
    /// List every exception to Monday–Friday in a year: holidays, compensatory and swapped days
    /// off, make-up Saturdays (official or projected).
    Calendar {
        /// The year, e.g. 2025.
        year: i32,
        /// Output format: text, or json (the year as a schedule file: print it, edit it, load
        /// it back with --calendar).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        calendar: CalendarArg,
    },
    /// Show each report kind's deadline: the due date as written, how it is read, the last
    /// on-time day and why; with --as-of, the working days remaining.
    Deadlines {
        /// Embedded profile id or path to a profile JSON file.
        #[arg(long)]
        profile: Option<String>,
        /// Count days remaining from this day (YYYY-MM-DD); treem never reads the clock.
        #[arg(long)]
        as_of: Option<String>,
        /// Read due dates as "before" (the date itself is late) or "by" (it is on time),
        /// overriding the profile.
        #[arg(long, value_enum)]
        reading: Option<ReadingArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        calendar: CalendarArg,
    },
    /// Say whether a report submitted on a day was on time, or how late.
    Timeliness {
        /// Report kind id, e.g. half_year.
        #[arg(long)]
        kind: String,
        /// Submission date (YYYY-MM-DD).
        #[arg(long)]
        submitted: String,
        /// Embedded profile id or path to a profile JSON file.
        #[arg(long)]
        profile: Option<String>,
        /// Read the due date as "before" or "by", overriding the profile.
        #[arg(long, value_enum)]
        reading: Option<ReadingArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        calendar: CalendarArg,
    },
    /// Consolidate reports for the receiving department: sum the valid ones, give every
    /// expected reporter its status (on time, late, missing, invalid) and the completeness.
    /// Reads folders recursively and uses every core.
    Consolidate(ConsolidateArgs),
    /// Run the conformance suite: every test vector, then every property over generated
    /// reports (one defect per rule, styles, round trips, arbitrary input, calendar laws);
    /// print a table per rule and `N passed, M failed` (exit 0: none failed; 1: a check failed;
    /// 2: the vectors could not be read).
    Conformance {
        /// The vector folder, with validation/, deadlines/ and calendar/ inside (default: the
        /// repository's tests/vectors).
        #[arg(long)]
        vectors: Option<String>,
        /// Generated cases per property.
        #[arg(long, default_value_t = treem_conformance::conformance::DEFAULT_CASES)]
        cases: u32,
        /// The seed of the generators; the same seed gives the same cases.
        #[arg(long, default_value_t = treem_conformance::conformance::DEFAULT_SEED)]
        seed: u64,
        /// Only this rule code or property name (to reproduce a failure).
        #[arg(long)]
        only: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a complete, valid example report to start from.
    Example {
        /// Report kind.
        #[arg(long, default_value = "half_year")]
        kind: String,
        /// Reporter id (a district code such as 540, or a department id such as so-gddt).
        #[arg(long, default_value = "540")]
        reporter: String,
        /// Seed for the figures; the same seed gives the same report.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Embedded profile id or path to a profile JSON file.
        #[arg(long)]
        profile: Option<String>,
    },
}

/// The arguments of `treem consolidate`.
#[derive(clap::Args)]
struct ConsolidateArgs {
    /// Report files or folders (all `*.json` inside, recursively).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Report kind to consolidate (default: the kind with the latest period among the
    /// reports, e.g. annual when both are given).
    #[arg(long)]
    kind: Option<String>,
    /// Statuses as of this day (YYYY-MM-DD): whether missing reports are overdue.
    #[arg(long)]
    as_of: Option<String>,
    /// Embedded profile id or path to a profile JSON file (default: the embedded default).
    #[arg(long)]
    profile: Option<String>,
    /// Output: text, json (`{ consolidated, reporters, completeness, … }`), csv (for Excel,
    /// UTF-8 with a byte-order mark) or html (one page to open or print).
    #[arg(long, value_enum, default_value_t = ConsolidateFormat::Text)]
    format: ConsolidateFormat,
    /// Threads reading and checking files (default: every core).
    #[arg(long)]
    jobs: Option<usize>,
    #[command(flatten)]
    calendar: CalendarArg,
}

/// `--calendar FILE`, on every command that counts days.
#[derive(clap::Args)]
struct CalendarArg {
    /// A schedule file (JSON) laid over the embedded calendar: a newly announced year, a swap of
    /// working days, a province's own days off (see docs/calendar.md).
    #[arg(long = "calendar", value_name = "FILE")]
    file: Option<String>,
}

impl CalendarArg {
    /// The embedded calendar, with the schedule file laid over it when one is given.
    fn load(&self) -> Result<std::borrow::Cow<'static, Calendar>, Failure> {
        match &self.file {
            None => Ok(std::borrow::Cow::Borrowed(Calendar::embedded())),
            Some(path) => {
                let text = read(path)?;
                Ok(std::borrow::Cow::Owned(
                    Calendar::embedded().with_schedule_json(&text)?,
                ))
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ConsolidateFormat {
    Text,
    Json,
    Csv,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReadingArg {
    Before,
    By,
}

impl From<ReadingArg> for Reading {
    fn from(r: ReadingArg) -> Reading {
        match r {
            ReadingArg::Before => Reading::Before,
            ReadingArg::By => Reading::By,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaName {
    Report,
    Profile,
    Catalog,
    Schedule,
    Finding,
}

/// A failure to do what was asked, with the exit code 2.
enum Failure {
    /// A file could not be read.
    Io { path: String, error: io::Error },
    /// treem refused the input.
    Treem(Error),
}

impl Failure {
    fn code(&self) -> &'static str {
        match self {
            Failure::Io { .. } => "io",
            Failure::Treem(e) => e.code(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Failure::Io { path, error }, Lang::Vi) => {
                let why = match error.kind() {
                    io::ErrorKind::NotFound => "không có tệp này".to_owned(),
                    io::ErrorKind::PermissionDenied => "không có quyền đọc".to_owned(),
                    io::ErrorKind::InvalidData => "tệp không phải văn bản UTF-8".to_owned(),
                    io::ErrorKind::IsADirectory => "đây là thư mục, không phải tệp".to_owned(),
                    _ => error.to_string(),
                };
                format!("Không đọc được tệp {path}: {why}")
            }
            (Failure::Io { path, error }, Lang::En) => format!("cannot read {path}: {error}"),
            (Failure::Treem(e), lang) => e.message(lang),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Treem(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::from(cli.lang);
    let _ = MAX_INPUT.set(
        cli.max_input_size
            .unwrap_or(treem::Limits::DEFAULT_MAX_INPUT_BYTES),
    );
    let mut out = io::stdout().lock();
    let result = match cli.command {
        Command::Validate {
            files,
            format,
            profile,
            calendar,
        } => {
            let calendar = match calendar.load() {
                Ok(c) => c,
                Err(failure) => return fail(failure, lang),
            };
            return validate(
                &mut out,
                &files,
                format,
                lang,
                profile.as_deref(),
                &calendar,
            );
        }
        Command::Profile { profile, format } => {
            load_profile(profile.as_deref()).map(|p| match format {
                Format::Json => output::json(&p),
                Format::Text => output::profile_text(&p, lang),
            })
        }
        Command::Catalog { format } => {
            treem::Catalog::find_embedded(&Profile::default_profile().catalog)
                .map_err(Failure::from)
                .map(|c| match format {
                    Format::Json => output::json(c),
                    Format::Text => output::catalog_text(c, lang),
                })
        }
        Command::Rules { format } => Ok(match format {
            RulesFormat::Json => output::json(&treem::RULES),
            RulesFormat::Text => output::rules_text(lang),
            RulesFormat::Markdown => treem::rules::markdown(),
        }),
        Command::Schema { name } => Ok(output::json(&match name {
            SchemaName::Report => treem::schema::report(),
            SchemaName::Profile => treem::schema::profile(),
            SchemaName::Catalog => treem::schema::catalog(),
            SchemaName::Schedule => treem::schema::schedule(),
            SchemaName::Finding => treem::schema::finding(),
        })),
        Command::Calendar {
            year,
            format,
            calendar,
        } => calendar.load().and_then(|cal| {
            let y = cal.year(year)?;
            Ok(match format {
                Format::Json => y
                    .to_file(cal.description().clone(), cal.province().cloned())
                    .to_json_pretty(Some(lang)),
                Format::Text => output::calendar_text(&cal, y, lang),
            })
        }),
        Command::Deadlines {
            profile,
            as_of,
            reading,
            format,
            calendar,
        } => load_profile(profile.as_deref()).and_then(|p| {
            let as_of = as_of.as_deref().map(date).transpose()?;
            let calendar = calendar.load()?;
            let all = treem::calendar::deadlines(&p, &calendar, reading.map(Reading::from), as_of)?;
            Ok(match format {
                Format::Json => output::json(&all),
                Format::Text => output::deadlines_text(&p, &all, lang),
            })
        }),
        Command::Timeliness {
            kind,
            submitted,
            profile,
            reading,
            format,
            calendar,
        } => load_profile(profile.as_deref()).and_then(|p| {
            let submitted = date(&submitted)?;
            let calendar = calendar.load()?;
            let deadline = Deadline::compute(
                &calendar,
                p.find_report_kind(&kind)?,
                reading.map(Reading::from),
            )?;
            let t = deadline.timeliness(&calendar, submitted)?;
            Ok(match format {
                Format::Json => output::json(&t),
                Format::Text => output::timeliness_text(&deadline, &t, lang),
            })
        }),
        Command::Consolidate(args) => consolidate(&args, lang),
        Command::Conformance {
            vectors,
            cases,
            seed,
            only,
            format,
        } => {
            let opts = treem_conformance::conformance::Options {
                vectors: vectors.map_or_else(
                    treem_conformance::conformance::default_vectors,
                    std::path::PathBuf::from,
                ),
                cases,
                seed,
                only,
            };
            return conformance(&mut out, &opts, format, lang);
        }
        Command::Example {
            kind,
            reporter,
            seed,
            profile,
        } => load_profile(profile.as_deref())
            .and_then(|p| treem::sample::example(&p, &kind, &reporter, seed).map_err(Failure::from))
            .map(|r| r.to_json_pretty() + "\n"),
    };
    match result {
        Ok(text) => match out.write_all(safe::escaped(&text).as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
        Err(failure) => fail(failure, lang),
    }
}

/// An embedded profile by id, a profile file by path, or the default profile.
fn load_profile(arg: Option<&str>) -> Result<Profile, Failure> {
    let Some(arg) = arg else {
        return Ok(Profile::default_profile().clone());
    };
    match Profile::find_embedded(arg) {
        Ok(p) => return Ok(p.clone()),
        // Neither an embedded id nor a file: say which profiles exist.
        Err(e) if !Path::new(arg).exists() && !arg.ends_with(".json") => return Err(e.into()),
        Err(_) => {}
    }
    let text = read(arg)?;
    Ok(Profile::from_json(&text)?)
}

/// A civil date from the command line.
fn date(text: &str) -> Result<CivilDate, Failure> {
    text.parse()
        .map_err(|_| Failure::Treem(Error::invalid_date(text)))
}

/// The text of a file (`-`: standard input), read up to the limit of `--max-input-size`: a larger
/// input (`/dev/zero`, say) is refused once the limit is passed, without reading it whole.
fn read(path: &str) -> Result<String, Failure> {
    let io_failure = |error| Failure::Io {
        path: path.to_owned(),
        error,
    };
    let limit = max_input();
    let bytes = if path == "-" {
        read_limited(io::stdin().lock(), limit)
    } else {
        std::fs::File::open(path).and_then(|f| read_limited(f, limit))
    }
    .map_err(io_failure)?;
    let Some(bytes) = bytes else {
        return Err(Failure::Treem(Error::input_too_large(None, limit)));
    };
    String::from_utf8(bytes).map_err(|_| {
        io_failure(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// At most `limit` bytes of `source`; `None` when it holds more.
pub(crate) fn read_limited(source: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    source.take(cap).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// One validated file, or why it could not be validated.
struct FileOutcome {
    file: String,
    outcome: Result<Validation, Failure>,
}

fn validate(
    out: &mut impl Write,
    files: &[String],
    format: Format,
    lang: Lang,
    profile: Option<&str>,
    calendar: &Calendar,
) -> ExitCode {
    let limits = treem::Limits {
        max_input_bytes: max_input(),
    };
    let validator = match profile.map(|p| load_profile(Some(p))).transpose() {
        Ok(p) => match p
            .map(|p| Validator::new(p).map(|v| v.with_limits(limits)))
            .transpose()
        {
            Ok(v) => v,
            Err(e) => return fail(Failure::Treem(e), lang),
        },
        Err(failure) => return fail(failure, lang),
    };
    let outcomes: Vec<FileOutcome> = files
        .iter()
        .map(|file| {
            let outcome = read(file).and_then(|text| {
                match &validator {
                    Some(v) => v.validate_json_with(&text, calendar),
                    None => treem::validate_json_with(&text, calendar, limits),
                }
                .map_err(Failure::from)
            });
            FileOutcome {
                file: file.clone(),
                outcome,
            }
        })
        .collect();
    let text = match format {
        Format::Json => output::validation_json(&outcomes, lang),
        Format::Text => output::validation_text(&outcomes, lang),
    };
    let _ = out.write_all(safe::escaped(&text).as_bytes());
    if outcomes.iter().any(|o| o.outcome.is_err()) {
        ExitCode::from(2)
    } else if outcomes
        .iter()
        .any(|o| o.outcome.as_ref().is_ok_and(|v| !v.is_valid()))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(failure: Failure, lang: Lang) -> ExitCode {
    eprintln!("treem: {}", safe::escaped(&failure.message(lang)));
    ExitCode::from(2)
}

fn conformance(
    out: &mut impl Write,
    opts: &treem_conformance::conformance::Options,
    format: Format,
    lang: Lang,
) -> ExitCode {
    use std::io::IsTerminal;
    let interactive = io::stderr().is_terminal();
    let mut progress = |step: &str| {
        if interactive {
            let doing = match lang {
                Lang::Vi => "đang kiểm tra",
                Lang::En => "checking",
            };
            eprint!("\r\x1b[K{doing} {step}…");
        }
    };
    let result = treem_conformance::conformance::run(opts, &mut progress);
    if interactive {
        eprint!("\r\x1b[K");
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(e) => {
            let what = match lang {
                Lang::Vi => "không chạy được bộ kiểm tra",
                Lang::En => "cannot run the conformance suite",
            };
            eprintln!("treem: {what}: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match format {
        Format::Json => output::conformance_json(&summary),
        Format::Text => output::conformance_text(&summary, opts, lang),
    };
    let _ = out.write_all(safe::escaped(&text).as_bytes());
    if summary.failed() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn consolidate(args: &ConsolidateArgs, lang: Lang) -> Result<String, Failure> {
    let ConsolidateArgs {
        paths,
        kind,
        as_of,
        profile,
        format,
        jobs,
        calendar,
    } = args;
    let (kind, format) = (kind.as_deref(), *format);
    let as_of = as_of.as_deref().map(date).transpose()?;
    let validator = match profile.as_deref() {
        None => Validator::embedded(treem::DEFAULT_PROFILE)?.clone(),
        Some(p) => Validator::new(load_profile(Some(p))?)?,
    };
    let validator = validator.with_limits(treem::Limits {
        max_input_bytes: max_input(),
    });
    let validator = &match calendar.file {
        None => validator,
        Some(_) => validator.with_calendar(calendar.load()?.into_owned()),
    };
    let walk = consolidate::files(paths).map_err(|(path, error)| Failure::Io { path, error })?;
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut all = treem::consolidate::Consolidator::new(validator, kind);
    let reading = consolidate::read_all(validator, &walk.files, jobs, &mut all, max_input(), lang);
    // Folders that could not be listed are reported with the inputs, after the files.
    for (n, (dir, error)) in walk.unreadable.iter().enumerate() {
        let source = dir.display().to_string();
        eprintln!("treem: {}", safe::escaped(&format!("{source}: {error}")));
        all.add(treem::consolidate::Checked::unreadable(
            walk.files.len() + n,
            &source,
            false,
        ));
    }
    let done = all.finish(as_of)?;
    let profile = validator.profile();
    let text = match format {
        ConsolidateFormat::Json => output::json(&done.into_output(lang)),
        ConsolidateFormat::Text => consolidate::text(&done, profile, lang),
        ConsolidateFormat::Csv => consolidate::csv(&done, profile, lang),
        ConsolidateFormat::Html => consolidate::html(&done, profile, lang),
    };
    reading.summarise(lang);
    Ok(text)
}
