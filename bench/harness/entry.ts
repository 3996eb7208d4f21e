// Runs inside headless Chromium: exposes every bench/browser/*.bench.ts to the harness by name.
import type { Bench } from '../types';

const modules = import.meta.glob<{ default: Bench }>('../browser/*.bench.ts');

const benches = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [path.replace(/^.*\/(.+)\.bench\.ts$/, '$1'), load]),
);

Object.assign(window, {
  __benchNames: Object.keys(benches),
  __runBench: async (name: string) => {
    const load = benches[name];
    if (!load) throw new Error(`No browser bench ${name}`);
    return (await load()).default();
  },
});
