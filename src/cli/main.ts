/**
 * argv → options → run → exit code. The only module (with terminal.ts) that knows about the
 * terminal; the library underneath returns data and messages.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { LEVEL_EXPECTED, parseLevel } from '../classify/levels.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { extractDocx } from '../extract/docx.js';
import { extract } from '../extract/index.js';
import { FORMATS, runGenerate, runValidate, type Format, type RunResult } from '../run.js';
import { TOOL_VERSION } from '../version.js';
import { initDataFolder } from '../init/index.js';
import { DutchCommand } from './dutch.js';
import { printMessages, processTerminal, progressReporter, type Terminal } from './terminal.js';

export const DEFAULT_DATA = 'data/voorbeeld-2025';
export const SAMPLE_HINT = 'Voorbeeldanalyse met fictieve gegevens; geef een eigen datamap op, of maak er een met weerbaarheid init';

/** After the options of the top-level help: what the exit codes mean, and how a run starts. */
const HELP_AFTER = `
Exitcodes:
  0   klaar
  1   ongeldige invoer; alle problemen staan in de uitvoer
  2   verkeerd gebruik van de opdracht
  3   renderen of wegschrijven mislukt, of afgebroken met Ctrl-C; het vorige rapport blijft intact
  70  interne fout; meld die, met de uitvoer van --debug

Voorbeelden:
  weerbaarheid init data/mijn-analyse
  weerbaarheid validate data/mijn-analyse
  weerbaarheid generate data/mijn-analyse --level Openbaar
  weerbaarheid extract reports/2025/weerbaarheidsanalyse-nafin-2025-openbaar.md --section Kernboodschappen`;

const LevelOption = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;
    const level = parseLevel(text);
    if (!level) ctx.addIssue({ code: 'custom', message: `onbekend niveau "${text}"; kies uit ${LEVEL_EXPECTED}` });
    return level;
  });

const FormatsOption = z
  .string()
  .default(FORMATS.join(','))
  .transform((text, ctx) => {
    const list = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
    const wrong = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (wrong.length || !list.length) ctx.addIssue({ code: 'custom', message: `onbekend formaat "${wrong.join(',')}"; kies uit ${FORMATS.join(', ')}` });
    return list as Format[];
  });

const Common = { quiet: z.boolean().default(false), verbose: z.boolean().default(false), debug: z.boolean().default(false) };

const GenerateCli = z.object({
  out: z.string().optional(),
  level: LevelOption,
  formats: FormatsOption,
  templates: z.string().optional(),
  force: z.boolean().default(false),
  ...Common,
});

const ExtractCli = z.object({
  list: z.boolean().default(false),
  section: z.array(z.string()).default([]),
  partner: z.string().optional(),
  level: LevelOption,
  format: z.enum(['md', 'txt', 'docx'], { error: (issue) => `onbekend formaat "${String(issue.input)}"; kies uit md, txt of docx` }).default('md'),
  out: z.string().optional(),
  ...Common,
});

function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => (i.path.length ? `--${i.path.join('.')}: ` : '') + i.message).join('; '));
  return parsed.data;
}

export async function main(argv: readonly string[], term: Terminal = processTerminal): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const debug = argv.includes('--debug');
  const controller = new AbortController();
  // During generate the first Ctrl-C aborts: the run closes the browser and removes its staging
  // folder itself. A second one, or one during other commands, ends the process at once.
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };

  const report = (result: RunResult, quiet: boolean) => {
    if (result.messages.length && (!quiet || result.exitCode !== EXIT.ok)) printMessages(term, result.messages);
    if (result.failure) term.err(result.failure);
    exitCode = result.exitCode;
  };

  const program = new DutchCommand('weerbaarheid')
    .description('Genereert de jaarlijkse weerbaarheidsanalyse uit risico-, maatregel- en incidentregisters.')
    .version(TOOL_VERSION, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .exitOverride()
    .showSuggestionAfterError(false)
    .addHelpText('after', HELP_AFTER)
    .configureOutput({ writeOut: (s) => term.out(s.trimEnd()), writeErr: (s) => term.err(s.trimEnd()) });

  /** The sample is the default data folder: said once, so nobody takes its report for a real one. */
  const sampleHint = (cmd: Command, quiet: boolean) => {
    if (!cmd.args.length && !quiet) term.err(SAMPLE_HINT);
  };

  const common = (cmd: Command) =>
    cmd
      .option('-q, --quiet', 'geen voortgang, alleen fouten')
      .option('-v, --verbose', 'voortgang met tijden per stap')
      .option('--debug', 'toon bij een interne fout de volledige stacktrace');

  common(
    program
      .command('validate')
      .description('controleer de invoer zonder rapport te maken')
      .argument('[data]', 'map met analyse.yaml en registers', DEFAULT_DATA),
  ).action(async (data: string, raw: unknown, cmd: Command) => {
    const o = parseOptions(z.object(Common), raw);
    sampleHint(cmd, o.quiet);
    const result = await runValidate({ dataDir: data, onProgress: progressReporter(term, o) });
    report(result, o.quiet);
    if (result.exitCode === EXIT.ok && !o.quiet) term.err('De invoer is geldig.');
  });

  common(
    program
      .command('generate')
      .description('maak het rapport: Markdown, PDF en Excel, met analysis.json en manifest.json')
      .argument('[data]', 'map met analyse.yaml en registers', DEFAULT_DATA)
      .option('-o, --out <map>', 'uitvoermap (standaard reports/<jaar>, onder het eigen niveau reports/<jaar>-<niveau>)')
      .option('-l, --level <niveau>', 'rubriceringsniveau van het rapport (standaard de rubricering uit analyse.yaml)')
      .option('-f, --formats <lijst>', `formaten, komma-gescheiden (${FORMATS.join(',')})`)
      .option('-t, --templates <map>', 'eigen Handlebars-sjablonen die de ingebouwde vervangen')
      .option('--force', 'overschrijf een rapport van een andere analyse in de uitvoermap'),
  ).action(async (data: string, raw: unknown, cmd: Command) => {
    const o = parseOptions(GenerateCli, raw);
    sampleHint(cmd, o.quiet);
    if (o.templates !== undefined && !(await stat(o.templates).catch(() => undefined))?.isDirectory()) {
      throw new UsageError(`--templates: de map ${o.templates} bestaat niet.`);
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const result = await runGenerate({
      dataDir: data,
      outDir: o.out,
      level: o.level,
      formats: o.formats,
      templatesDir: o.templates,
      force: o.force,
      signal: controller.signal,
      onProgress: progressReporter(term, o),
      sourceDateEpoch: sourceDateEpoch(),
    });
    report(result, o.quiet);
    if (result.exitCode === EXIT.ok && !o.quiet) term.err(`Rapport geschreven naar ${result.outDir}: ${result.outputs.map((f) => f.path).filter((p) => !p.includes('/')).join(', ')}, manifest.json`);
  });

  common(
    program
      .command('extract')
      .description('druk publiceerbare secties van een rapport af, voor een Kamerbrief')
      .argument('<rapport>', 'het Markdown-rapport (.md)')
      .option('--list', 'toon de hoofdstukindeling')
      .addOption(new Option('-s, --section <titel>', 'sectie om af te drukken (herhaalbaar)').argParser((v: string, prev: string[] = []) => [...prev, v]))
      .option('-p, --partner <naam>', 'het deel van één ketenpartner: zijn risico\'s en de maatregelen daarop')
      .option('-l, --level <niveau>', 'niveau waarop gepubliceerd wordt (standaard Openbaar)')
      .option('--format <md|txt|docx>', 'uitvoer als Markdown, platte tekst of Word-document', 'md')
      .option('-o, --out <bestand>', 'het Word-bestand (nodig bij --format docx)'),
  ).action(async (file: string, raw: unknown) => {
    const o = parseOptions(ExtractCli, raw);
    const markdown = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Het rapport ${file} bestaat niet of is niet leesbaar.`);
    });
    if (o.format === 'docx') {
      if (!o.out) throw new UsageError('Geef met --out het Word-bestand op waarin het uittreksel komt.');
      const doc = await extractDocx({ markdown, file, sections: o.section, partner: o.partner, level: o.level });
      if (doc.ok) await writeFile(o.out, doc.data);
      else {
        term.err(doc.message);
        exitCode = doc.exitCode;
      }
      return;
    }
    const result = extract({ markdown, file, list: o.list, sections: o.section, partner: o.partner, level: o.level, format: o.format });
    if (result.ok) term.out(result.output);
    else {
      term.err(result.message);
      exitCode = result.exitCode;
    }
  });

  common(
    program
      .command('init')
      .description('maak een nieuwe datamap: analyse.yaml met toelichting en een leeg registerwerkboek')
      .argument('<map>', 'de nieuwe datamap')
      .option('--force', 'overschrijf analyse.yaml en registers.xlsx als de map die al heeft'),
  ).action(async (dir: string, raw: unknown) => {
    const o = parseOptions(z.object({ force: z.boolean().default(false), ...Common }), raw);
    const files = await initDataFolder(dir, { force: o.force, today: new Date() });
    if (!o.quiet) term.err(`Nieuwe analyse in ${dir}: ${files.map((f) => basename(f)).join(', ')}. Vul de registers in en draai weerbaarheid validate ${dir}.`);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    exitCode = handleError(error, term, debug);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}

function handleError(error: unknown, term: Terminal, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // Help and version end here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    term.err(`weerbaarheid: ${error.message}`);
    return EXIT.usage;
  }
  const detail = error instanceof Error ? error.message : String(error);
  term.err(`weerbaarheid: interne fout (${detail}). Meld dit aan de beheerders, met de uitvoer van dezelfde opdracht met --debug.`);
  if (debug && error instanceof Error && error.stack) term.err(error.stack);
  return EXIT.internal;
}

function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
}
