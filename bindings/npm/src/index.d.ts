// The API of the treem package. The data types (Report, FindingOutput, …) are generated from
// the JSON Schemas that the Rust model generates (./generated.d.ts); only these signatures are
// written by hand.
import type { TreemReport, FindingOutput, TreemProfile, TreemIndicatorCatalog } from "./generated.js";

export type { TreemReport, FindingOutput, TreemProfile, TreemIndicatorCatalog } from "./generated.js";

export type Lang = "vi" | "en";

/** An operational failure (not JSON, unknown profile, year not covered, …). */
export class TreemError extends Error {
  /** Stable code, e.g. "json_syntax". */
  readonly code: string;
  /** For `invalid_profile`, `invalid_catalog` and `invalid_calendar`: every problem of the file, each at its JSON Pointer. */
  readonly problems: { path: string; message: string }[];
}

/**
 * A calendar schedule file as JSON text (the announced days off, make-up days and swaps of a
 * year or a province), laid over the embedded calendar. `treem/full` only: the lean `treem`
 * throws `not_in_build`.
 */
export type ScheduleJson = string;

/** Options of `validate`. */
export interface ValidateOptions {
  /** Language of messages; Vietnamese by default. */
  lang?: Lang;
  /**
   * An embedded profile id, or a profile as JSON text (`treem/full` only; the lean `treem` throws
   * `not_in_build`); by default the report's own profile.
   */
  profile?: string;
  /** A schedule file for the working-day calendar used for timeliness (`treem/full` only). */
  calendar?: ScheduleJson;
}

/** What `validate` returns: whether no finding is an error, and every finding. */
export interface Validation {
  /** Whether no finding is an error. */
  valid: boolean;
  findings: FindingOutput[];
}

/** Options of `deadlines` and `timeliness`. */
export interface DeadlineOptions {
  /** An embedded profile id, or a profile as JSON text (`treem/full` only); by default the embedded default. */
  profile?: string;
  /** "Today", YYYY-MM-DD: treem never reads the clock. */
  asOf?: string;
  reading?: "before" | "by";
  lang?: Lang;
  /** A schedule file for the working-day calendar (`treem/full` only). */
  calendar?: ScheduleJson;
}

/** A text in Vietnamese and English. */
export interface Label { vi: string; en: string }

/** A report kind's deadline: the due date as the directive words it, the last on-time day, and why. */
export interface Deadline {
  kind: string;
  name: Label;
  period: { start: string; end: string };
  due_date: string;
  wording?: string;
  reading: "before" | "by";
  roll_forward: boolean;
  last_on_time_day: string;
  rolled_from?: string;
  calendar: "official" | "projected";
  explanation: Label;
  remaining?: {
    as_of: string;
    overdue: boolean;
    days_remaining: number;
    working_days_remaining: number;
    /** The same in words, e.g. "còn 4 ngày (2 ngày làm việc)". */
    summary: Label;
  };
}

/** Whether a report was on time, and if late by how many calendar and working days. */
export interface Timeliness {
  status: "on_time" | "late";
  submitted_on: string;
  last_on_time_day: string;
  days_late: number;
  working_days_late: number;
  /** The verdict in words. */
  summary: Label;
}

/** A day that is not an ordinary Monday–Friday working day (or a Saturday worked), with its reason. */
export interface CalendarEntry {
  date: string;
  working: boolean;
  reason: Label;
  occasion: string;
  role: "holiday" | "compensatory" | "swapped_day_off" | "make_up_day" | "rest_day";
  source: "official" | "projected";
  /** Why the day is off or worked: the law and article, the Government's letter, or the projection. */
  basis: Label;
}

/** A validation rule: its stable code, severity, what it checks, its legal source, and what it does when values are missing. */
export interface Rule {
  code: string;
  severity: "error" | "warning";
  checks: Label;
  source: string;
  when_missing: Label;
}

/** Options of `consolidate`. */
export interface ConsolidateOptions {
  /** An embedded profile id, or a profile as JSON text (`treem/full` only); by default the embedded default. */
  profile?: string;
  /** The report kind to consolidate; by default the kind with the latest period among the reports. */
  kind?: string;
  /** Statuses as of this day (YYYY-MM-DD): whether missing reports are overdue. */
  asOf?: string;
  /** Language of messages; Vietnamese by default. */
  lang?: Lang;
  /** A schedule file for the working-day calendar (`treem/full` only). */
  calendar?: ScheduleJson;
}

/** Where an expected reporter stands. */
export type ReporterStatusKind = "on_time" | "late" | "undated" | "invalid" | "missing";

/** One expected reporter in a consolidation, and how its report stands. */
export interface ReporterStatus {
  /** Reporter id from the profile. */
  id: string;
  /** Reporter name from the profile. */
  name: string;
  /** Its reporter kind (district committee, department). */
  reporter_kind: string;
  /** `on_time` and `late` are summed; `undated` (a draft) and `invalid` are received, not summed. */
  status: ReporterStatusKind;
  /** The report counted for it: `#1`, `#2`, … (position in the array given, from 1). */
  source?: string;
  /** The report's `submitted_on`. */
  submitted_on?: string;
  /** For a late report: calendar days after the last on-time day. */
  days_late?: number;
  /** For a late report: working days after the last on-time day. */
  working_days_late?: number;
  /** For a missing report, with `asOf`: whether the last on-time day has passed. */
  overdue?: boolean;
  /** Error findings of the report counted. */
  errors: number;
  /** Warning findings of the report counted. */
  warnings: number;
}

/** Per measure, each reporter's contribution: reporter id to figure. */
export interface Contributors {
  total: { [reporter: string]: number };
  by?: { [dimension: string]: { [member: string]: { [reporter: string]: number } } };
}

/** The receiving department's view of many reports (`consolidate`). */
export interface Consolidation {
  /** The report kind consolidated. */
  kind: string;
  /** The kind's last on-time day (YYYY-MM-DD). */
  last_on_time_day: string;
  /** The day statuses are given as of, when asked. */
  as_of?: string;
  /** The sums of the valid, submitted reports, in the report wire format, from the recipient. */
  consolidated: TreemReport;
  /** Every reporter the profile expects, in the profile's order. */
  reporters: ReporterStatus[];
  /** Reporters expected, reports received and summed, and inputs given. */
  completeness: { expected: number; received: number; valid: number; inputs: number };
  /** Per measure id, each summed reporter's figures. */
  contributions: { [measure: string]: Contributors };
  /** Breakdowns (or members) left out because not every reporter that gave the total gave them. */
  omitted_breakdowns: { measure: string; dimension: string; member?: string; without: string[] }[];
  /** Parts left out because their sum exceeds their whole's (given by some reporters without it). */
  omitted_measures: { measure: string; whole: string; without: string[] }[];
  /** Per indicator (catalog id), each summed reporter's value. */
  indicator_contributions: { [indicator: string]: { [reporter: string]: number } };
  /** Indicators left out of the sums: `no_parts` (a reporter gave the share without its numerator and denominator), `zero_denominator`, or `overflow` (a sum beyond 2^53 − 1). */
  omitted_indicators: { indicator: string; reason: "no_parts" | "zero_denominator" | "overflow"; reporters: string[] }[];
  /**
   * Inputs not counted in this consolidation; `reason`: an error code (`json_syntax`, …),
   * `report_structure`, `unknown_reporter`, `other_profile`, `other_year`, `unknown_report_kind`,
   * `other_kind` (a report of the profile's other kind, only compared with), or from the command
   * line `not_utf8` or `io` (an input it could not read).
   */
  unassigned: { source: string; reason: string; reporter?: string; errors: number }[];
  /** Cross-report findings: `consolidation.duplicate`, `consolidation.cumulative_decrease`, `consolidation.overflow`. */
  findings: FindingOutput[];
}

/** Loads the WebAssembly module (browser: fetches the .wasm; Node: already loaded). */
export function ready(input?: string | URL | Response | BufferSource): Promise<void>;
/** Validates report JSON text: every finding, with messages; throws only when it cannot (not JSON, unknown profile). */
export function validate(reportJson: string, options?: ValidateOptions): Validation;
/** Each report kind's deadline, with days remaining as of `asOf` when given. */
export function deadlines(options?: DeadlineOptions): Deadline[];
/** Whether a report of `kind` submitted on `submitted` (YYYY-MM-DD) is on time, and by how much it is late. */
export function timeliness(kind: string, submitted: string, options?: DeadlineOptions): Timeliness;
/** Consolidates reports. In `treem/full` only: the lean `treem` throws a `TreemError` with code `not_in_build`. */
export function consolidate(reportsJson: string[], options?: ConsolidateOptions): Consolidation;
/** Every exception to Monday–Friday for civil servants in `year`, official or projected, each with its basis. */
export function calendar(year: number, options?: { lang?: Lang; calendar?: ScheduleJson }): CalendarEntry[];
/** The indicator catalog of Circular 13/2021/TT-BLĐTBXH, as embedded. */
export function catalog(): TreemIndicatorCatalog;
/** A profile: the default, an embedded id, or JSON text (checked and returned; `treem/full` only). */
export function profile(id?: string): TreemProfile;
/** Every rule: code, severity, what it checks and its source, in both languages. */
export function rules(): Rule[];
/** The report's JSON Schema (draft 2020-12). */
export function schema(): object;
/** The version of treem. */
export function version(): string;
