import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
const mp = await loadMicroPython({ stdout: (l) => process.stdout.write(l + "\n"), stderr: (l) => process.stderr.write(l + "\n") });
try { mp.runPython(process.argv[2]); } catch (e) { console.log("PYERR", String(e.message).slice(0, 500)); }
