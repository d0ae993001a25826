// Builds the npm package into dist/: the Rust crate treem-wasm for wasm32, the JavaScript glue
// by wasm-bindgen (the CLI must be exactly the version in Cargo.lock), wasm-opt from the npm
// `binaryen` package (never whatever wasm-opt is on PATH), then the JS entries and types.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..");
const root = join(pkg, "..", "..");
const dist = join(pkg, "dist");
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });

const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
const pinned = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
let installed = "";
try {
  installed = execFileSync("wasm-bindgen", ["--version"], { encoding: "utf8" }).trim().split(" ")[1];
} catch {
  installed = "(not installed)";
}
if (installed !== pinned) {
  console.error(
    `wasm-bindgen CLI ${installed} does not match wasm-bindgen ${pinned} in Cargo.lock.\n` +
      `Install it with: cargo install wasm-bindgen-cli --version =${pinned}`,
  );
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });

/**
 * Rewrites wasm-bindgen's `passStringToWasm0` in the glue at `file` so that every string is
 * written by one `TextEncoder.encodeInto` into a buffer of the worst-case length, then the
 * buffer is shrunk to what was written. The generated version first copies the string's ASCII
 * prefix with a JavaScript loop, one `charCodeAt` at a time, and calls `encodeInto` only from
 * the first other character: a report in plain ASCII (names typed without diacritics) took
 * about three times as long to hand over as one in Vietnamese (see BENCHMARKS.md). The bytes
 * handed over are the same (`encodeInto` writes ASCII as itself), and the allocator calls keep
 * the contract the Rust side expects: never a reallocation to or from zero bytes.
 */
function handOverStringsInOneStep(file) {
  const glue = readFileSync(file, "utf8");
  const generated = /function passStringToWasm0\(arg, malloc, realloc\) \{\n[\s\S]*?\n\}\n/;
  const found = glue.match(generated)?.[0] ?? "";
  if (!found.includes("if (code > 0x7F) break;") || !glue.includes("const cachedTextEncoder = ")) {
    console.error(
      `${file}: wasm-bindgen ${installed} no longer writes passStringToWasm0 as this build expects; ` +
        "review handOverStringsInOneStep in scripts/build.mjs",
    );
    process.exit(1);
  }
  const oneStep = `function passStringToWasm0(arg, malloc, realloc) {
    // Rewritten by treem's scripts/build.mjs: one encodeInto for the whole string.
    if (typeof arg !== "string") throw new TypeError(\`expected a string, not \${typeof arg}\`);
    if (arg.length === 0) {
        WASM_VECTOR_LEN = 0;
        return malloc(0, 1) >>> 0;
    }
    const capacity = arg.length * 3;
    const ptr = malloc(capacity, 1) >>> 0;
    const { written } = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + capacity));
    WASM_VECTOR_LEN = written;
    return realloc(ptr, capacity, written, 1) >>> 0;
}
`;
  writeFileSync(file, glue.replace(found, () => oneStep));
}

// Two builds of the one adapter: the lean validator that `treem` loads (every export against the
// embedded profiles) and the full one that `treem/full` loads (plus consolidation and profiles
// given as JSON text). Each: cargo, wasm-bindgen, then wasm-opt from the npm `binaryen` package.
const wasmOpt = join(pkg, "node_modules", ".bin", "wasm-opt");
const builds = [
  { name: "lean", dir: "pkg", features: [] },
  { name: "full", dir: "pkg-full", features: ["--features", "full"] },
];
for (const b of builds) {
  console.log(`==> cargo build (wasm32, profile wasm, ${b.name})`);
  run("cargo", [
    "build", "--locked", "--profile", "wasm", "-p", "treem-wasm", "--target", "wasm32-unknown-unknown", ...b.features,
  ]);
  const out = join(dist, b.dir);
  mkdirSync(out, { recursive: true });
  console.log(`==> wasm-bindgen ${installed} (${b.name})`);
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--out-dir", out,
    join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "wasm32-unknown-unknown", "wasm", "treem_wasm.wasm"),
  ]);
  handOverStringsInOneStep(join(out, "treem_wasm.js"));
  const wasmFile = join(out, "treem_wasm_bg.wasm");
  // -Oz inlines every function that has one caller, however large: capping that at 150 bytes
  // keeps shared shapes apart for gzip and binaryen's merging (about 5 KiB less gzipped, no
  // measurable cost to validate). The module's stack sits below its data at 1 MiB, so the
  // first kilobyte is never addressed (--low-memory-unused: constant offsets fold into loads).
  // Measured against plain -Oz; see BENCHMARKS.md.
  console.log(`==> wasm-opt -Oz (npm binaryen, ${b.name})`);
  run(wasmOpt, [
    "-Oz", "--low-memory-unused", "--one-caller-inline-max-function-size=150",
    "--strip-debug", "--strip-producers", wasmFile, "-o", wasmFile,
  ]);
}

for (const f of ["api.js", "node.js", "node-full.js", "web.js", "web-full.js", "index.d.ts"]) {
  cpSync(join(pkg, "src", f), join(dist, f));
}
cpSync(join(pkg, "types"), dist, { recursive: true });

const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
for (const b of builds) {
  const wasmFile = join(dist, b.dir, "treem_wasm_bg.wasm");
  const glue = join(dist, b.dir, "treem_wasm.js");
  console.log(
    `==> dist/${b.dir} (${b.name}): .wasm ${kb(statSync(wasmFile).size)} KiB (${kb(gz(wasmFile))} KiB gzip -9), ` +
      `glue ${kb(statSync(glue).size)} KiB (${kb(gz(glue))} KiB gzip -9)`,
  );
}
