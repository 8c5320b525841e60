/** A rule in words, in the reader's language or in both (the titles a new version is offered). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allLanguagesLoaded, loadAllLanguages } from '../../i18n/setup.ts';
import { useMeetingKinds } from '../../api/meetings.ts';
import type { StandardValues } from './standard-form.ts';
import { describeRule, paramsToApi } from './standard-rules.ts';

export function useRuleWording() {
  const { t, i18n } = useTranslation();
  const kinds = useMeetingKinds();
  // The titles are offered in both languages, whichever the reader reads: the other's texts load here.
  const [bothLoaded, setBothLoaded] = useState(allLanguagesLoaded);
  useEffect(() => {
    if (!bothLoaded) void loadAllLanguages().then(() => setBothLoaded(true));
  }, [bothLoaded]);
  const kindName = (language: string) => (code: string) => {
    const k = kinds.data?.find((x) => x.code === code);
    if (!k) return code;
    return language === 'ko' ? k.nameKo : k.nameEn;
  };
  const language = i18n.resolvedLanguage ?? 'en';
  return {
    /** What a stored version asks, in the reader's language. */
    sentence: (kind: string, params: Record<string, unknown>) => describeRule(t, kind, params, kindName(language)),
    /** What the form's values ask, in the reader's language. */
    sentenceOf: (v: StandardValues) => describeRule(t, v.kind, paramsToApi(v.kind, v), kindName(language)),
    /** The form's rule as titles in English and Korean. */
    titlesOf: (v: StandardValues) => ({
      titleEn: describeRule(i18n.getFixedT('en'), v.kind, paramsToApi(v.kind, v), kindName('en')),
      titleKo: describeRule(i18n.getFixedT('ko'), v.kind, paramsToApi(v.kind, v), kindName('ko')),
    }),
  };
}
