// Generated from schema/catalog.schema.json by bindings/npm/scripts/types.mjs; do not edit.
// Regenerate with: cd bindings/npm && npm run types


/**
 * An indicator catalog: the indicator set of one legal instrument.
 */
export interface TreemIndicatorCatalog {
/**
 * The annexes (*phụ lục*) of the instrument.
 */
annexes: AnnexInfo[]
/**
 * What the catalog covers and what it lacks, in plain words.
 */
coverage: string
/**
 * Data format version; 1.
 */
format: number
/**
 * Indicator groups (*nhóm*) known by name.
 */
groups: Group[]
/**
 * Catalog id, e.g. `circular-13-2021`; profiles name it.
 */
id: string
/**
 * The indicators.
 */
indicators: Indicator[]
/**
 * The instrument that defines the indicators.
 */
instrument: string
title: Label6
}
/**
 * An annex of the instrument.
 */
export interface AnnexInfo {
/**
 * Which annex.
 */
annex: ("I" | "II")
name: Label
}
/**
 * Its title.
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
 * An indicator group within an annex: the first two digits of a code.
 */
export interface Group {
/**
 * The annex.
 */
annex: ("I" | "II")
/**
 * Two-digit group number, e.g. `06`.
 */
group: string
name: Label1
}
/**
 * Group name.
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
 * One statistical indicator (*chỉ tiêu thống kê*).
 */
export interface Indicator {
/**
 * The annex that lists it.
 */
annex: ("I" | "II")
/**
 * Four-digit code `GGNN` within the annex; absent where not known.
 */
code?: string
/**
 * Main disaggregation (*phân tổ chủ yếu*), as far as known.
 */
disaggregation?: string[]
formula?: Formula
/**
 * Two-digit group; absent where not known.
 */
group?: string
/**
 * Stable catalog id, e.g. `i.online_safety_reached`; part of the public contract.
 */
id: string
/**
 * Body responsible for collection (*cơ quan chủ trì*).
 */
lead?: string
name: Label4
/**
 * Anything else a reader should know, e.g. what is missing from the copy read.
 */
notes?: string
/**
 * Publication period (*kỳ công bố*), e.g. `yearly`.
 */
periodicity?: string
/**
 * Whether the entry was read in the instrument or is a likely member not yet confirmed.
 */
provenance: ("confirmed" | "inferred" | "provisional")
/**
 * Data source (*nguồn số liệu*).
 */
source?: string
/**
 * National targets for the indicator (reference lines for warnings, never errors).
 */
targets?: Target[]
unit: IndicatorUnit
}
/**
 * How a share or rate is computed.
 */
export interface Formula {
denominator: Label2
/**
 * 100 for a percentage, 1,000 or 100,000 for rates.
 */
multiplier: number
numerator: Label3
/**
 * Whether the formula was read in a source or inferred from the indicator's name.
 */
provenance: ("confirmed" | "inferred" | "provisional")
}
/**
 * What is counted below the line.
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
 * What is counted above the line.
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
 * Exact Vietnamese name (NFC) and an English gloss.
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
 * A national target for an indicator, e.g. of the National Programme of Action for Children
 * 2021–2030 (Decision 23/QĐ-TTg).
 */
export interface Target {
/**
 * Whether the value should be at least (`min`) or at most (`max`) the target.
 */
bound: ("min" | "max")
/**
 * The instrument that sets it.
 */
source: string
/**
 * The target value, in the indicator's unit.
 */
value: number
/**
 * The year the target is set for.
 */
year: number
}
/**
 * What the figure counts or measures.
 */
export interface IndicatorUnit {
/**
 * What kind of figure it is.
 */
kind: ("count" | "share" | "count_and_share" | "rate")
name: Label5
/**
 * For rates: per how many (100, 1,000, 100,000).
 */
per?: number
}
/**
 * The unit as written.
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
 * The instrument's title.
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
