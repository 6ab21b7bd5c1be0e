/**
 * commander speaks English; the people who run this tool read Dutch. Rather than editing its output
 * afterwards, the help is built by a Help subclass with Dutch words, and the usage errors are raised
 * by a Command subclass that says them in Dutch (with its own "bedoelde u …?" suggestion).
 */
import { Command, Help, type Argument, type Option } from 'commander';

/** The section titles commander's formatHelp passes to styleTitle. */
const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Global Options:': 'Algemene opties:',
};

const argName = (arg: Argument) => {
  const name = arg.name() + (arg.variadic ? '...' : '');
  return arg.required ? `<${name}>` : `[${name}]`;
};

const withDefault = (description: string, value: unknown, shown: string | undefined) =>
  value === undefined ? description : `${description} (standaard: ${shown ?? (typeof value === 'string' ? value : JSON.stringify(value))})`;

export class DutchHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override commandUsage(cmd: Command): string {
    const names: string[] = [];
    for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
    const words = [...names, '[opties]'];
    if (cmd.commands.length) words.push('[opdracht]');
    return [...words, ...cmd.registeredArguments.map(argName)].join(' ');
  }

  override subcommandTerm(cmd: Command): string {
    const hasOptions = cmd.options.length > 0;
    return [cmd.name(), ...(hasOptions ? ['[opties]'] : []), ...cmd.registeredArguments.map(argName)].join(' ');
  }

  override optionDescription(option: Option): string {
    const shown = option.required || option.optional ? option.defaultValue : undefined;
    return withDefault(option.description, shown, option.defaultValueDescription);
  }

  override argumentDescription(argument: Argument): string {
    return withDefault(argument.description, argument.defaultValue, argument.defaultValueDescription);
  }
}

/** Levenshtein distance, for a suggestion after a typo. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** ` (bedoelde u --out?)` when a candidate is at most a few edits away, else nothing. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const bare = (s: string) => s.replace(/^--/, '');
  const scored = candidates.map((c) => ({ c, d: distance(bare(word), bare(c)) })).filter(({ c, d }) => d <= Math.max(1, Math.floor(bare(c).length * 0.4)));
  const best = scored.sort((x, y) => x.d - y.d)[0];
  return best ? ` (bedoelde u ${best.c}?)` : '';
}

const SEE_HELP = '; zie weerbaarheid --help';

/**
 * unknownOption, unknownCommand, missingArgument, optionMissingArgument and _excessArguments are the
 * methods commander raises its usage errors from (not in its typings); test/cli.test.ts checks that
 * every one of them still speaks Dutch after an update.
 */
export class DutchCommand extends Command {
  override createCommand(name?: string): Command {
    return new DutchCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }

  unknownOption(flag: string): never {
    const candidates: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) candidates.push(...c.options.flatMap((o) => (o.long ? [o.long] : [])), '--help');
    return this.error(`fout: onbekende optie '${flag}'${suggestion(flag, candidates)}${SEE_HELP}`, { code: 'commander.unknownOption', exitCode: 2 });
  }

  unknownCommand(): never {
    const name = String(this.args[0]);
    const candidates = this.commands.map((c) => c.name());
    return this.error(`fout: onbekende opdracht '${name}'${suggestion(name, candidates)}${SEE_HELP}`, { code: 'commander.unknownCommand', exitCode: 2 });
  }

  missingArgument(name: string): never {
    return this.error(`fout: argument '${name}' ontbreekt${SEE_HELP}`, { code: 'commander.missingArgument', exitCode: 2 });
  }

  optionMissingArgument(option: Option): never {
    return this.error(`fout: optie '${option.flags}' mist een waarde${SEE_HELP}`, { code: 'commander.optionMissingArgument', exitCode: 2 });
  }

  _excessArguments(received: string[]): void {
    const expected = this.registeredArguments.length;
    this.error(`fout: te veel argumenten voor '${this.name()}': ${expected} verwacht, ${received.length} gekregen${SEE_HELP}`, { code: 'commander.excessArguments', exitCode: 2 });
  }
}
