/** A whole-number command-line flag `--name N`, or undefined; exits with a usage line if malformed. */
export function intArg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} takes a whole number, e.g. --${name} 100`);
    process.exit(2);
  }
  return value;
}

/** An on/off command-line flag `--name on|off`, or undefined; exits with a usage line if malformed. */
export function switchArg(name: string): boolean | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value !== 'on' && value !== 'off') {
    console.error(`--${name} takes on or off, e.g. --${name} on`);
    process.exit(2);
  }
  return value === 'on';
}
