/** "did you mean" in unknown table and column errors: Kusto's message start is kept, the closest name appended. */
import { describe, expect, it } from 'vitest';
import { analyzeKql, KqlSemanticError, runKql } from '../../src/index.js';

function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlSemanticError);
    return (err as KqlSemanticError).message;
  }
  throw new Error('nothing was thrown');
}

describe('did you mean', () => {
  it('an unknown table: the caller\'s tables (runKql), the schemas and the built-in catalog (analyzeKql)', () => {
    expect(message(() => runKql('SigninLog | take 1', { SigninLogs: [], Other: [] }))).toBe(
      "Unknown table 'SigninLog': pass it in the tables argument (or give its schema) (did you mean 'SigninLogs'?) (line 1, column 1)",
    );
    expect(message(() => analyzeKql('signinlogs | take 1'))).toMatch(/^Unknown table 'signinlogs': .* \(did you mean 'SigninLogs'\?\)/);
    expect(message(() => analyzeKql('Logns | take 1', { schemas: { Logins: [{ name: 'a', type: 'string' }] } }))).toMatch(/\(did you mean 'Logins'\?\)/);
    // runKql knows only the tables it was given: the catalog is not suggested there.
    expect(message(() => runKql('SigninLog | take 1', {}))).not.toMatch(/did you mean/);
  });

  it('an unknown column: the columns in scope, case first', () => {
    expect(message(() => analyzeKql('SigninLogs | where ResultTyp == "0"'))).toBe("Unknown column or variable 'ResultTyp' (did you mean 'ResultType'?) (line 1, column 20)");
    expect(message(() => analyzeKql('SigninLogs | where resulttype == "0"'))).toMatch(/\(did you mean 'ResultType'\?\)/);
    expect(message(() => runKql('T | project Usr', { T: [{ User: 'a', Ip: 'b' }] }))).toMatch(/^Unknown column or variable 'Usr' \(did you mean 'User'\?\)/);
  });

  it('join keys, project-rename and project-away name the closest column too', () => {
    expect(message(() => analyzeKql('SigninLogs | join (AuditLogs) on UserPrincipalNam'))).toMatch(
      /^Unknown column 'UserPrincipalNam' on the left side of the join \(did you mean 'UserPrincipalName'\?\)/,
    );
    expect(message(() => analyzeKql('SigninLogs | project-rename a = ResultTyp'))).toMatch(/^Unknown column 'ResultTyp' \(did you mean 'ResultType'\?\)/);
    expect(message(() => analyzeKql('SigninLogs | project-away ResultTyp'))).toMatch(/^Unknown column 'ResultTyp' \(did you mean 'ResultType'\?\)/);
  });

  it('no suggestion when nothing is close, for one-letter names, or for a very long name', () => {
    expect(message(() => runKql('print x = 1 | project y'))).toBe("Unknown column or variable 'y' (line 1, column 23)");
    expect(message(() => runKql('T | project Zzzzzz', { T: [{ User: 'a' }] }))).not.toMatch(/did you mean/);
    const long = 'A'.repeat(5000);
    expect(message(() => runKql(`T | project ${long}`, { T: [{ [long.slice(1)]: 1 }] }))).not.toMatch(/did you mean/);
  });

  it('names that run late (evaluate bag_unpack) still bind: the suggestion does not hide the column name', () => {
    const T = [{ Dy: { Nope: 1 } }];
    expect(runKql('T | evaluate bag_unpack(Dy) | project Nope', { T }).rows).toEqual([{ Nope: 1 }]);
  });
});
