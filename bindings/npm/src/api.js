// The JavaScript face of treem: turns the WebAssembly module's JSON envelopes into values, and
// operational failures into thrown Errors with a stable `code`. No rule logic lives here.

/** An operational failure of treem (not JSON, unknown profile, year not covered, …). */
export class TreemError extends Error {
  constructor(code, message, problems = []) {
    super(message);
    this.name = "TreemError";
    /** Stable code, e.g. "json_syntax"; see the Rust crate's `Error::code`. */
    this.code = code;
    /** For a broken profile, catalog or schedule file: every problem, `{ path, message }`. */
    this.problems = problems;
  }
}

function unwrap(text) {
  const result = JSON.parse(text);
  if (result.error) throw new TreemError(result.error.code, result.error.message, result.error.problems ?? []);
  return result.ok;
}

/** `value` when it is a string: strings are all the module takes (anything else is refused here). */
function string(value, name, what = "a string") {
  if (typeof value !== "string") {
    throw new TreemError("invalid_options", `${name} must be ${what}, not ${typeof value}`);
  }
  return value;
}

function text(value, name) {
  return string(value, name, "a string of JSON text");
}

/** An optional text option (`lang`, `profile`, an id): `fallback` when absent, else a string. */
function optionText(value, fallback, name) {
  return value === undefined || value === null ? fallback : string(value, name);
}

/** The options every options-taking export shares, with their defaults, plus `extra`. */
function commonOptions(options, extra) {
  return {
    profile: optionText(options.profile, "", "profile"),
    as_of: options.asOf ?? options.as_of,
    lang: optionText(options.lang, "vi", "lang"),
    calendar: optionText(options.calendar, "", "calendar"),
    ...extra,
  };
}

function deadlineOptions(options = {}) {
  return JSON.stringify(commonOptions(options, { reading: options.reading }));
}

/** Builds the API over the wasm-bindgen exports. */
export function makeApi(wasm) {
  return {
    validate(reportJson, options = {}) {
      return unwrap(
        wasm.validate(
          text(reportJson, "reportJson"),
          optionText(options.lang, "vi", "lang"),
          optionText(options.profile, "", "profile"),
          optionText(options.calendar, "", "calendar"),
        ),
      );
    },
    deadlines(options = {}) {
      return unwrap(wasm.deadlines(deadlineOptions(options)));
    },
    timeliness(kind, submitted, options = {}) {
      return unwrap(wasm.timeliness(string(kind, "kind"), string(submitted, "submitted"), deadlineOptions(options)));
    },
    consolidate(reports, options = {}) {
      if (!Array.isArray(reports)) {
        throw new TreemError("invalid_options", "reports must be an array of JSON texts");
      }
      reports.forEach((r, i) => text(r, `reports[${i}]`));
      const opts = commonOptions(options, { kind: options.kind });
      if (!wasm.consolidate) {
        // The lean build (`treem`) leaves consolidation out; it says so in the language asked for.
        return unwrap(wasm.consolidate_not_in_build(opts.lang));
      }
      return unwrap(wasm.consolidate(reports, JSON.stringify(opts)));
    },
    calendar(year, options = {}) {
      if (!Number.isInteger(year)) throw new TreemError("invalid_options", "year must be an integer");
      return unwrap(
        wasm.calendar(year, optionText(options.lang, "vi", "lang"), optionText(options.calendar, "", "calendar")),
      );
    },
    catalog() {
      return unwrap(wasm.catalog());
    },
    profile(id) {
      return unwrap(wasm.profile(optionText(id, "", "id"), "vi"));
    },
    rules() {
      return unwrap(wasm.rules());
    },
    schema() {
      return JSON.parse(wasm.schema());
    },
    version() {
      return wasm.version();
    },
  };
}

/** The API of a Node entry: instantiates the module from its bytes at once (at import). */
export function makeNodeApi(wasm, bytes) {
  wasm.initSync({ module: bytes });
  return { ...makeApi(wasm), ready: async () => {} };
}

/** The API of a browser entry: `ready(input)` fetches and instantiates the module once. */
export function makeWebApi(wasm, init) {
  let loading;
  const ready = (input) => {
    loading ??= init(input === undefined ? undefined : { module_or_path: input });
    return loading.then(() => undefined);
  };
  return { ...makeApi(wasm), ready };
}
