/**
 * Split a Markdown file into its `#`/`##` sections, so two copies of a contract can be compared
 * section by section and a difference reported by the heading it is under.
 */
export interface Section {
  heading: string;
  body: string;
}

/** Each `# ` or `## ` heading starts a section; text before the first heading is "(preamble)". */
export function splitSections(markdown: string): Section[] {
  const sections: Section[] = [{ heading: '(preamble)', body: '' }];
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,2} (.+?)\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1], body: '' });
    sections[sections.length - 1].body += `${line}\n`;
  }
  return sections.filter((s) => s.heading !== '(preamble)' || s.body.trim() !== '');
}

/**
 * The headings of the sections that differ between `source` and `copy`: changed, missing from the
 * copy, or only in the copy (each said so). Empty when the two are byte-identical.
 */
export function differingSections(source: string, copy: string): string[] {
  if (source === copy) return [];
  const a = splitSections(source);
  const b = splitSections(copy);
  const inCopy = new Map(b.map((s) => [s.heading, s.body]));
  const inSource = new Set(a.map((s) => s.heading));
  const out: string[] = [];
  for (const s of a) {
    if (!inCopy.has(s.heading)) out.push(`${s.heading} (missing from the copy)`);
    else if (inCopy.get(s.heading) !== s.body) out.push(s.heading);
  }
  for (const s of b) if (!inSource.has(s.heading)) out.push(`${s.heading} (only in the copy)`);
  // Same sections, same bodies, yet not identical: the order or the final newline differs.
  if (out.length === 0) out.push('(order of sections or end of file)');
  return out;
}
