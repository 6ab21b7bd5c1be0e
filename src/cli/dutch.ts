/**
 * commander speaks English; the people who run this tool read Dutch. Its help titles and its usage
 * errors are translated here (unknown patterns pass through unchanged rather than being lost).
 */
const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

export function dutchTitle(title: string): string {
  return TITLES[title] ?? title;
}

const ERRORS: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'(?:\s*\(Did you mean (.*)\?\))?/, "fout: onbekende optie '$1'"],
  [/^error: unknown command '([^']*)'/, "fout: onbekende opdracht '$1'"],
  [/^error: missing required argument '([^']*)'/, "fout: argument '$1' ontbreekt"],
  [/^error: option '([^']*)' argument missing/, "fout: optie '$1' mist een waarde"],
  [/^error: too many arguments.*/, 'fout: te veel argumenten'],
];

export function dutchError(text: string): string {
  const line = text.trim();
  for (const [pattern, dutch] of ERRORS) if (pattern.test(line)) return `${line.replace(pattern, dutch)}; zie weerbaarheid --help`;
  return line;
}
