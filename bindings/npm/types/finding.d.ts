// Generated from schema/finding.schema.json by bindings/npm/scripts/types.mjs; do not edit.
// Regenerate with: cd bindings/npm && npm run types


/**
 * A typed parameter of a finding: the figures and names its message is built from.
 */
export type Param = (number | string | Label | Param[])

/**
 * A finding as wire data (JSON), with its message rendered.
 */
export interface FindingOutput {
/**
 * Stable rule code.
 */
code: string
/**
 * The message in the language asked for.
 */
message: string
/**
 * Typed parameters.
 */
params?: {
[k: string]: Param | undefined
}
/**
 * JSON Pointer of the field.
 */
path: string
/**
 * JSON Pointers of related fields.
 */
related?: string[]
/**
 * `error` or `warning`.
 */
severity: ("warning" | "error")
}
/**
 * A name in both languages (a measure's or dimension's name).
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
