/** Top-level help. */
export const mainHelp = `Usage: mini-kql <command> [options]

Run Microsoft Sentinel analytics rules and KQL queries offline, over tables in files.

Commands:
  run <query.kql | rule.yaml>   run a query or rule over --table/--data files and print the result
  check <file | dir>            parse and bind only: errors with a caret, or the result schema
  test <rule.tests.yaml | dir>  run scenario tests of rules: PASS/FAIL per scenario (or --reporter
                                junit|json|tap for CI), --coverage of the rule's filters, --watch
  schemas [Name | text]         the built-in table schemas: a list, or one table's columns
  serve [--data dir]            a local Kusto endpoint over table files, for Kusto clients (azure-kusto-data)

Options:
  --help, -h      help (also after a command: mini-kql run --help)
  --version       the version of mini-kql
  --debug         print a stack trace on unexpected errors

Examples:
  mini-kql run rule.yaml --data ./data --now 2024-05-02T00:00:00Z --explain
  mini-kql check queries/
  mini-kql test queries/suspicious-vm-creation
  mini-kql schemas SigninLogs
  mini-kql serve --data queries/suspicious-vm-creation/data`;
