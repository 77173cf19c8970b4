// A child process for kill.test.ts: runs generate() from a copy of the generator's sources
// transpiled to JavaScript, and stops itself with a signal at one step of the write (a hook, not
// timing). argv: <generate.js> <SIGKILL|SIGINT> <step index> <generate options as JSON>.
import { pathToFileURL } from 'node:url';

const [generateJs, signal, at, options] = process.argv.slice(2);
const { generate } = await import(pathToFileURL(generateJs).href);
const stopAt = Number(at);
const hooks = {
  step(_name, index) {
    if (index !== stopAt) return;
    process.kill(process.pid, signal);
    // The signal ends the process; should it not, this child fails the test rather than go on.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    process.exit(99);
  },
};
await generate({ ...JSON.parse(options), hooks });
process.stdout.write('finished without being stopped\n');
