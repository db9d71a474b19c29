import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src-main/cli/args';

describe('the command line', () => {
  it('reads import, export and template commands', () => {
    expect(parseCliArgs(['import', 'assets', 'a.csv', '--dry-run', '--json', '--data-dir', '/d'])).toEqual({
      command: 'import',
      kind: 'assets',
      file: 'a.csv',
      dryRun: true,
      json: true,
    });
    expect(parseCliArgs(['import', 'people', 'p.csv'])).toMatchObject({ dryRun: false, json: false });
    expect(parseCliArgs(['template', 'people'])).toEqual({ command: 'template', kind: 'people' });
    expect(parseCliArgs(['export', 'assets', '--format', 'xlsx', '--out', 'x.xlsx', '--type', 'laptop', '--type', 'tablet', '--status', 'issued', '--search', 'dell'])).toEqual({
      command: 'export',
      kind: 'assets',
      format: 'xlsx',
      out: 'x.xlsx',
      filters: { types: ['laptop', 'tablet'], statuses: ['issued'], search: 'dell' },
    });
    expect(parseCliArgs(['export', 'people', '--format=csv', '--out=p.csv', '--status', 'left'])).toEqual({
      command: 'export',
      kind: 'people',
      format: 'csv',
      out: 'p.csv',
      filters: { status: 'left' },
    });
    for (const args of [[], ['help'], ['--help'], ['import', '-h']]) expect(parseCliArgs(args)).toEqual({ command: 'help' });
  });

  it.each([
    [['import'], 'Say what to import: assets or people'],
    [['import', 'widgets', 'x.csv'], 'Say what to import: assets or people, not "widgets"'],
    [['import', 'assets'], 'Say which file to import, for example: import assets register.csv'],
    [['import', 'assets', 'a.csv', 'b.csv'], 'import takes one file, not "a.csv b.csv"'],
    [['export', 'assets', '--format', 'pdf', '--out', 'x.pdf'], 'Say which format to export: --format csv or --format xlsx, not "pdf"'],
    [['export', 'assets', '--format', 'csv'], 'Say where to write the export: --out FILE'],
    [['export', 'assets', '--format', 'csv', '--out', 'x.csv', '--type', 'robot'], '--type: Unknown asset type'],
    [['export', 'people', '--format', 'csv', '--out', 'x.csv', '--type', 'laptop'], '--type and --location filter assets, not people'],
    [['export', 'people', '--format', 'csv', '--out', 'x.csv', '--status', 'gone'], '--status: Choose active, leaving or left'],
    [['export', 'people', '--format', 'csv', '--out', 'x.csv', '--status', 'left', '--status', 'active'], 'People can be filtered by one --status only'],
    [['template'], 'Say what to print the template for: assets or people'],
    [['launch'], 'Unknown command "launch": use import, export or template'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(new UsageError(message));
  });

  it('refuses unknown options', () => {
    expect(() => parseCliArgs(['import', 'assets', 'a.csv', '--frobnicate'])).toThrow(UsageError);
    expect(() => parseCliArgs(['export', 'assets', '--format'])).toThrow(UsageError);
  });
});
