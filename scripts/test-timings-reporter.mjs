// A node test reporter for `scripts/test-unit.mjs --timings`: one JSON line per top-level test
// (where it was declared and how long it took); test-unit.mjs adds them up by test file.
export default async function* timings(source) {
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0) {
      const { file, line, name, details } = event.data;
      yield JSON.stringify({ file, line, name, ms: details.duration_ms }) + '\n';
    }
  }
}
