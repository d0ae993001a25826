// Generated from schema/report.schema.json by bindings/npm/scripts/types.mjs; do not edit.
// Regenerate with: cd bindings/npm && npm run types


/**
 * A whole, non-negative count or sum of money in whole VND, at most 2^53 - 1.
 */
export type Quantity = number

/**
 * A child-affairs report: header, ten sections, measures and Circular 13 indicators
 * (*báo cáo kết quả công tác trẻ em*), as defined by the canonical template v1.
 * 
 * Parse one with [`Report::from_json`] (fast, first problem only) or let a
 * [`Validator`](crate::Validator) parse and check it (every problem at once).
 * 
 * # Example
 * 
 * ```
 * use treem::Report;
 * let report = Report::from_json(r#"{
 *     "profile": "binh-dinh-2024", "kind": "half_year", "year": 2024,
 *     "reporter": { "id": "540", "name": "Ủy ban nhân dân thành phố Quy Nhơn" },
 *     "measures": { "abuse.cases": { "total": 3 } }
 * }"#).unwrap();
 * assert_eq!(report.reporter.id, "540");
 * assert_eq!(report.measures["abuse.cases"].total.get(), 3);
 * 
 * // Unknown keys are errors, naming the key.
 * let err = Report::from_json(r#"{ "profil": "binh-dinh-2024" }"#).unwrap_err();
 * assert!(err.to_string().contains("profil"));
 * ```
 */
export interface TreemReport {
/**
 * The day the figures are counted to (*số liệu tính đến ngày*).
 */
data_as_of?: string
/**
 * Whether figures include estimates for the rest of the period (*ước thực hiện*): the
 * province's deadlines fall before the end of the periods reported on.
 */
estimated?: boolean
/**
 * Indicator values of Circular 13/2021/TT-BLĐTBXH reported beside the measures.
 * 
 * @maxItems 1000
 */
indicators?: IndicatorValue[]
/**
 * Report kind id from the profile, e.g. `half_year` (*6 tháng*) or `annual` (*năm*).
 */
kind: string
/**
 * Figures by measure id (e.g. `abuse.children`). An absent measure is "not reported",
 * never zero.
 */
measures?: {
[k: string]: Measure | undefined
}
prepared_by?: Contact
/**
 * Profile id: the reporting regime the report answers, e.g. `binh-dinh-2024`.
 */
profile: string
reporter: Reporter
/**
 * One entry per task area of the directive (1–10), in any order.
 * 
 * @maxItems 1000
 */
sections?: Section[]
signed_by?: Signatory
/**
 * The day the report was sent (*ngày gửi báo cáo*); absent in a draft.
 */
submitted_on?: string
/**
 * The year reported on; equals the profile's year.
 */
year: number
}
/**
 * A reported value of a Circular 13 indicator.
 * 
 * An indicator is identified by `annex` and `code`; one whose code is not known is identified by
 * its catalog `id` instead.
 */
export interface IndicatorValue {
/**
 * Annex of the circular.
 */
annex?: ("I" | "II")
/**
 * Four-digit code `GGNN` within the annex, e.g. `0605`.
 */
code?: string
/**
 * Denominator, for shares and rates.
 */
denominator?: number
/**
 * Catalog id, for indicators whose code is not known (e.g. `i.child_population`).
 */
id?: string
/**
 * Numerator, for shares and rates.
 */
numerator?: number
/**
 * The published figure (a count, a percentage or a rate, per the catalog's unit), from
 * −(2^53 − 1) to 2^53 − 1.
 */
value: number
}
/**
 * The figures of one measure: a total and, optionally, breakdowns by dimension.
 * 
 * `by` maps a dimension id (e.g. `sex`) to member figures (e.g. `male`, `female`). A member left
 * out is "not reported", not zero.
 */
export interface Measure {
/**
 * Breakdowns: dimension id → member id → figure (at most 1,000 of each).
 */
by?: {
[k: string]: {
[k: string]: Quantity | undefined
} | undefined
}
/**
 * A whole, non-negative count or sum of money in whole VND, at most 2^53 - 1.
 */
total: number
}
/**
 * The officer who prepared the report (*người lập biểu*).
 */
export interface Contact {
/**
 * E-mail address.
 */
email?: string
/**
 * Full name.
 */
name: string
/**
 * Telephone, in a Vietnamese format (`0xxxxxxxxx` or `+84xxxxxxxxx`, spaces allowed).
 */
phone?: string
/**
 * Position (*chức vụ*).
 */
position?: string
}
/**
 * Who reports (*đơn vị báo cáo*).
 */
export interface Reporter {
/**
 * Reporter id from the profile: a district code such as `540`, or a department's id.
 */
id: string
/**
 * The reporter's name as written on the report, e.g. *Ủy ban nhân dân thành phố Quy Nhơn*.
 */
name: string
}
/**
 * One section of a report: the results of one task area of the directive.
 */
export interface Section {
/**
 * Documents issued for the task (plans, directives, official letters).
 * 
 * @maxItems 1000
 */
documents?: Document[]
/**
 * What was done, in Vietnamese free text (*kết quả thực hiện*).
 */
narrative?: string
/**
 * How far the task has got.
 */
status: ("done" | "in_progress" | "not_started" | "not_applicable")
/**
 * Task number in the directive, 1–10.
 */
task: number
}
/**
 * A document issued for a task: number, date, title (*số, ngày, trích yếu*).
 */
export interface Document {
/**
 * Date of issue.
 */
date: string
/**
 * Document number with its symbol, e.g. `123/KH-UBND` (*số, ký hiệu*).
 */
number: string
/**
 * Title or summary (*trích yếu*).
 */
title: string
}
/**
 * The signatory (*người ký*); required for a submitted report.
 */
export interface Signatory {
/**
 * Full name.
 */
name: string
/**
 * Title as signed, e.g. *KT. Chủ tịch, Phó Chủ tịch*.
 */
title: string
}
