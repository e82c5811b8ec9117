// Run tests/parity/run_cases.py under the MicroPython WebAssembly build the site ships.
// Usage: node tests/parity/micropython_runner.mjs CASES.json [CASES.json ...]
// Copies the engine package (extensions/questionnaire/engine, every file the browser gets),
// run_cases.py, trees.py and the case files into MicroPython's in-memory file system (it has no /work),
// runs the cases and prints their stdout.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const here = dirname(fileURLToPath(import.meta.url));
const engineDir = join(here, "..", "..", "extensions", "questionnaire", "engine");
const casePaths = process.argv.slice(2);
if (casePaths.length === 0) {
  process.stderr.write("usage: node micropython_runner.mjs CASES.json [...]\n");
  process.exit(2);
}

const mp = await loadMicroPython({
  heapsize: 64 * 1024 * 1024,
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});

function pythonFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith(".py") ? [path] : [];
  });
}

mp.FS.mkdirTree("/parity/cases");
for (const path of pythonFiles(engineDir)) {
  const target = "/parity/engine/" + relative(engineDir, path);
  mp.FS.mkdirTree(dirname(target));
  mp.FS.writeFile(target, readFileSync(path, "utf8"));
}
for (const name of ["run_cases.py", "trees.py"]) {
  mp.FS.writeFile("/parity/" + name, readFileSync(join(here, name), "utf8"));
}
// Numbered names, so two case files with the same base name never overwrite each other.
const fsPaths = casePaths.map((path, index) => {
  const target = `/parity/cases/${index}-${basename(path)}`;
  mp.FS.writeFile(target, readFileSync(resolve(path), "utf8"));
  return target;
});

try {
  mp.runPython(
    ["import sys", 'sys.path.insert(0, "/parity")', "import run_cases", `run_cases.main(${JSON.stringify(fsPaths)})`].join(
      "\n",
    ),
  );
} catch (error) {
  process.stderr.write(`MicroPython failed: ${error}\n`);
  process.exit(1);
}
