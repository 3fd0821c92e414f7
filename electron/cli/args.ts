/** A small argv parser: positionals plus `--flag value` / `--flag=value` / boolean flags. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of each flag, in order, for flags that may repeat (`--column a=text --column b=skip`). */
  lists: Map<string, string[]>;
}

const BOOLEAN_FLAGS = new Set(['help', 'quiet', 'json']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const set = (name: string, value: string | true) => {
    flags.set(name, value);
    if (value !== true) lists.set(name, [...(lists.get(name) ?? []), value]);
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) set(name, inline);
    else if (BOOLEAN_FLAGS.has(name) || i + 1 >= rest.length) set(name, true);
    else set(name, rest[++i]!);
  }
  return { command: command?.startsWith('--') ? undefined : command, positionals, flags: command?.startsWith('--') ? new Map([[command.slice(2), true]]) : flags, lists };
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}
