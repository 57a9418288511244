import { expect } from '@open-wc/testing';
import { isRecord, nonNegativeInt, readJsonInput } from '../../src/core/values.js';

describe('core/values', () => {
  it('reads attribute JSON, passes properties through, and returns parse errors instead of throwing', () => {
    expect(readJsonInput('[{"a":1}]')).to.deep.equal({ value: [{ a: 1 }] });
    expect(readJsonInput('   ')).to.deep.equal({ value: undefined });
    const array = [1, 2];
    expect(readJsonInput(array).value).to.equal(array);
    expect(readJsonInput(null)).to.deep.equal({ value: null });
    const broken = readJsonInput('[{"a":');
    expect(broken.value).to.equal(undefined);
    expect(broken.error).to.be.a('string').and.not.equal('');
  });

  it('tells plain objects from arrays, null and primitives', () => {
    const cases: Array<[unknown, boolean]> = [[{}, true], [{ a: 1 }, true], [[], false], [null, false], ['x', false], [1, false]];
    for (const [value, expected] of cases) expect(isRecord(value), JSON.stringify(value)).to.equal(expected);
  });

  it('reads whole numbers ≥ 0 from numbers or digits only', () => {
    const cases: Array<[unknown, number | null]> = [[0, 0], [42, 42], [' 7 ', 7], ['-1', null], [1.5, null], ['1e3', null], [-3, null], [null, null]];
    for (const [value, expected] of cases) expect(nonNegativeInt(value), JSON.stringify(value)).to.equal(expected);
  });
});
