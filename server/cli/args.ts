// Reads `--flag value` pairs for the server's small command-line tools.

export function readFlags(argv: string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !allowed.includes(m[1]!)) throw new Error(`Unknown argument: ${a}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`--${m[1]} needs a value`);
    out[m[1]!] = value;
  }
  return out;
}
