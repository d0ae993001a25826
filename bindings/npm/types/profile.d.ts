// Generated from schema/profile.schema.json by bindings/npm/scripts/types.mjs; do not edit.
// Regenerate with: cd bindings/npm && npm run types


/**
 * A reporting regime: one province's (or ministry's) directive for one year, as data.
 * 
 * # Example
 * 
 * ```
 * let profile = treem::Profile::embedded("binh-dinh-2024").unwrap();
 * assert_eq!(profile.year, 2024);
 * assert_eq!(profile.reporter("540").unwrap().name, "Ủy ban nhân dân thành phố Quy Nhơn");
 * assert_eq!(profile.report_kind("half_year").unwrap().due.date.to_string(), "2024-05-15");
 * assert!(treem::Profile::embedded("gia-lai-2026").is_none());
 * ```
 */
export interface TreemProfile {
authority: Authority
/**
 * Id of the indicator catalog the reports use (e.g. `circular-13-2021`).
 */
catalog: string
/**
 * Dimensions by which measures are broken down, with their members.
 */
dimensions: Dimension[]
/**
 * Data format version; 1.
 */
format: number
/**
 * Profile id, e.g. `binh-dinh-2024`; reports name it in their `profile` field.
 */
id: string
/**
 * The measures a report may carry.
 */
measures: MeasureDef[]
recipient: Party
/**
 * Part-whole relations between measures.
 */
relations?: Relation[]
/**
 * The kinds of report, with their periods and due rules.
 */
report_kinds: ReportKind[]
/**
 * The kinds of reporter and what each must fill.
 */
reporter_kinds: ReporterKind[]
/**
 * The expected reporters.
 */
reporters: ReporterDef[]
/**
 * The sections of a report: one per task area of the directive.
 */
sections: SectionDef[]
title: Label6
/**
 * Units in which measures are counted.
 */
units: UnitDef[]
/**
 * The year reported on.
 */
year: number
}
/**
 * Who issued the regime and in which instrument.
 */
export interface Authority {
/**
 * The instrument (number, date, subject).
 */
instrument: string
/**
 * Issuing body, e.g. *Ủy ban nhân dân tỉnh Bình Định*.
 */
name: string
/**
 * Administrative unit code of the province (Decision 124/2004/QĐ-TTg), e.g. `52`.
 */
province_code?: string
}
/**
 * A dimension of breakdown (*phân tổ*), e.g. sex.
 */
export interface Dimension {
/**
 * Id, e.g. `sex`.
 */
id: string
/**
 * The members, which together make the whole.
 */
members: Member[]
name: Label1
}
/**
 * A member of a dimension, e.g. `female`.
 */
export interface Member {
/**
 * Code on official forms (e.g. injury cause `08`, group letter `đ`).
 */
code?: string
/**
 * Id, e.g. `female`.
 */
id: string
name: Label
}
/**
 * Name.
 */
export interface Label {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * Name.
 */
export interface Label1 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * A measure a report may carry (*chỉ số báo cáo*).
 */
export interface MeasureDef {
/**
 * Dimensions it may be broken down by.
 */
breakdowns?: string[]
/**
 * Whether figures accumulate over the year (a flow such as cases) rather than describe a
 * state (a stock such as the child population). Consolidation uses it.
 */
cumulative: boolean
/**
 * Id, e.g. `abuse.children`; part of the public contract.
 */
id: string
name: Label2
/**
 * Report kinds in which the measure belongs; absent means all. (Mid-Autumn falls in
 * September, so its figures belong in the annual report only.)
 */
report_kinds?: string[]
/**
 * Typical magnitude for one district-level reporter; used only to generate examples and
 * test data, never to judge a report.
 */
scale?: number
/**
 * The section (task number) it belongs to.
 */
section: number
/**
 * Unit id.
 */
unit: string
}
/**
 * Name.
 */
export interface Label2 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * The body reports are sent to, which consolidates them (*cơ quan tổng hợp*).
 */
export interface Party {
/**
 * Stable id.
 */
id: string
/**
 * Official name (NFC).
 */
name: string
}
/**
 * A part-whole relation: `part` ≤ `whole`, also member by member for each dimension in `per`.
 */
export interface Relation {
/**
 * The measure that is part.
 */
part: string
/**
 * Dimensions compared member by member as well.
 */
per?: string[]
/**
 * `error` when a breach makes the report unacceptable; `warning` for plausibility checks.
 */
severity?: ("warning" | "error")
/**
 * How far the part may exceed the whole, in percent of the whole (0: not at all).
 */
tolerance_percent?: number
/**
 * The measure that is the whole.
 */
whole: string
}
/**
 * A kind of report, e.g. the six-month report.
 */
export interface ReportKind {
due: DueRule
/**
 * Id used in a report's `kind` field, e.g. `half_year`.
 */
id: string
name: Label3
period: Period
}
/**
 * When the report is due.
 */
export interface DueRule {
/**
 * The date named in the instrument.
 */
date: string
/**
 * How the date is read.
 */
reading: ("before" | "by")
/**
 * Whether a last day that is not a working day rolls forward to the next working day
 * (Civil Code 2015, art. 148(5)).
 */
roll_forward: boolean
/**
 * The instrument's words, e.g. *trước ngày 15/5/2024*.
 */
wording?: string
}
/**
 * Name of the report.
 */
export interface Label3 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * The period reported on.
 */
export interface Period {
/**
 * Last day.
 */
end: string
/**
 * First day.
 */
start: string
}
/**
 * A kind of reporter and its duties.
 */
export interface ReporterKind {
/**
 * Id, e.g. `district_committee`.
 */
id: string
name: Label4
/**
 * Measures this kind must report, with any breakdowns required.
 */
required_measures?: Requirement[]
/**
 * Which sections this kind must fill.
 */
sections: ("all" | "remit")
}
/**
 * Name.
 */
export interface Label4 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * A measure a kind of reporter must report.
 */
export interface Requirement {
/**
 * Breakdowns that must be given in full.
 */
breakdowns?: string[]
/**
 * Measure id.
 */
measure: string
}
/**
 * An expected reporter.
 */
export interface ReporterDef {
/**
 * Stable id: the administrative unit code for a district (`540`), a project-given id for a
 * department (`so-gddt`).
 */
id: string
/**
 * Reporter kind id.
 */
kind: string
/**
 * Whether the unit is mountainous (*huyện miền núi*).
 */
mountainous?: boolean
/**
 * Official name of the reporting body, e.g. *Ủy ban nhân dân thành phố Quy Nhơn*.
 */
name: string
/**
 * Whether the entry was read in a source or is the project's inference.
 */
provenance: ("confirmed" | "inferred" | "provisional")
/**
 * Task numbers in a department's remit.
 */
remit?: number[]
/**
 * The administrative unit, e.g. *Thành phố Quy Nhơn*.
 */
unit?: string
/**
 * Type of unit (`city`, `town`, `district`, …).
 */
unit_type?: string
}
/**
 * A section of the report: one task area of the directive.
 */
export interface SectionDef {
/**
 * Task number, 1–10 in the 2024 directive.
 */
task: number
title: Label5
}
/**
 * Title of the task area.
 */
export interface Label5 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * What the regime is about.
 */
export interface Label6 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
/**
 * A unit of measurement.
 */
export interface UnitDef {
/**
 * Id, e.g. `persons`, `vnd`.
 */
id: string
name: Label7
/**
 * Whether it counts things or money.
 */
quantity: ("count" | "money")
}
/**
 * Name as written after a figure (*người*, *đồng*).
 */
export interface Label7 {
/**
 * English.
 */
en: string
/**
 * Vietnamese (NFC).
 */
vi: string
}
