import { describe, expect, it } from 'vitest';
import { queryProblem } from './queryProblem';

// The messages are the core's (domain/query), as `search` refuses them with bad_query.
describe('queryProblem', () => {
  it('finds the bad token from the column the core reports', () => {
    const type = "bad value for type: 'spreadsheet' (expected image, video, audio, document, font or other)";
    expect(queryProblem('brand type:spreadsheet', `${type} at column 12`)).toEqual({
      message: type,
      column: 12,
      before: 'brand type:',
      bad: 'spreadsheet',
      after: '',
    });
    const p = queryProblem('colour:red beach', "unknown filter 'colour:' (known: tag, type, ext) at column 1");
    expect([p.before, p.bad, p.after]).toEqual(['', 'colour:red', ' beach']);
    const neg = queryProblem('x -type:image y', "cannot exclude with '-type:' (only -tag: can be negated) at column 3");
    expect([neg.before, neg.bad, neg.after]).toEqual(['x ', '-type:image', ' y']);
  });

  it('marks from the column to the end of its word', () => {
    const p = queryProblem('tag>x', "tag does not take a comparison '>' (use tag:NAME) at column 4");
    expect([p.before, p.bad, p.after]).toEqual(['tag', '>x', '']);
    // An unterminated quote runs to the end of the query.
    const q = queryProblem('a "summer campaign', 'unterminated quote (add a closing ") at column 3');
    expect([q.before, q.bad]).toEqual(['a ', '"summer campaign']);
  });

  it('counts the column in characters, not UTF-16 units', () => {
    const p = queryProblem('🌅 rating>9', "bad value for rating: '9' (expected a whole number from 0 to 5) at column 10");
    expect([p.before, p.bad]).toEqual(['🌅 rating>', '9']);
    const q = queryProblem('café 東京 type:x', "bad value for type: 'x' (expected image) at column 14");
    expect([q.before, q.bad]).toEqual(['café 東京 type:', 'x']);
  });

  it('puts the caret at the end for a column past the input, and copes without a position', () => {
    const p = queryProblem('ab', 'something at column 3');
    expect([p.before, p.bad, p.after]).toEqual(['ab', '', '']);
    expect(queryProblem('tag:', 'tag needs a value')).toEqual({
      message: 'tag needs a value',
      column: null,
      before: 'tag:',
      bad: '',
      after: '',
    });
  });
});
