import { describe, expect, it } from 'vitest';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import ko from '../src/web/i18n/ko.json' with { type: 'json' };

const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) =>
  typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]).sort();

describe('translations', () => {
  it('Korean and English have the same keys, none empty', () => {
    expect(keys(ko)).toEqual(keys(en));
    for (const k of keys(ko)) {
      const value = k.split('.').reduce<any>((o, p) => o[p], ko);
      expect(String(value).trim(), k).not.toBe('');
    }
  });
});
