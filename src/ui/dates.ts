// Dates and times in the device's locale. Each Intl formatter is built once per set of options: building one per
// call (what toLocaleDateString does) cost the student page several ms for 40 timeline entries.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatWhen(at: number | Date, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    formatters.set(key, f);
  }
  return f.format(at);
}
