/** A small argv parser: positionals plus `--flag value` / `--flag=value` / boolean flags. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['help', 'quiet', 'json']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (BOOLEAN_FLAGS.has(name) || i + 1 >= rest.length) flags.set(name, true);
    else flags.set(name, rest[++i]!);
  }
  return { command: command?.startsWith('--') ? undefined : command, positionals, flags: command?.startsWith('--') ? new Map([[command.slice(2), true]]) : flags };
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}
