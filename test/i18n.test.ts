import { describe, expect, it } from 'vitest';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import ko from '../src/web/i18n/ko.json' with { type: 'json' };
import { ERROR_MESSAGE_KEYS, paramsOf, placeholdersOf } from '../src/shared/error-messages.ts';
import { LINE_ERROR_CODES } from '../src/server/modules/sync/roll-csv.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o)
    .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();

describe('translations', () => {
  it('words every line error a paper roll upload may send, in both languages', () => {
    for (const code of LINE_ERROR_CODES) {
      expect(en.paper.lineCodes, code).toHaveProperty(code);
      expect(ko.paper.lineCodes, code).toHaveProperty(code);
    }
  });

  it('Korean and English have the same keys, none empty', () => {
    expect(keys(ko)).toEqual(keys(en));
    for (const k of keys(ko)) {
      const value = k.split('.').reduce<any>((o, p) => o[p], ko);
      expect(String(value).trim(), k).not.toBe('');
    }
  });
});

describe('server error messages', () => {
  const lookup = (catalog: object, key: string): unknown =>
    `serverErrors.${key}`.split('.').reduce<any>((o, p) => (o && typeof o === 'object' ? o[p] : undefined), catalog);

  it('every message key the server can send has an English and a Korean text', () => {
    for (const [language, catalog] of Object.entries({ en, ko })) {
      const missing = ERROR_MESSAGE_KEYS.filter((key) => typeof lookup(catalog, key) !== 'string' || !String(lookup(catalog, key)).trim());
      expect(missing, `serverErrors missing in ${language}.json`).toEqual([]);
    }
  });

  it('translations use only the params the server sends', () => {
    for (const key of ERROR_MESSAGE_KEYS) {
      for (const catalog of [en, ko]) {
        const unsent = placeholdersOf(String(lookup(catalog, key))).filter((p) => !paramsOf(key).includes(p));
        expect(unsent, key).toEqual([]);
      }
    }
  });

  it('the web has no texts for keys the server no longer sends', () => {
    expect(keys(en.serverErrors).filter((k) => !(ERROR_MESSAGE_KEYS as string[]).includes(k))).toEqual([]);
  });
});
