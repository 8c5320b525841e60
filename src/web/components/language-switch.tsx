import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/setup.ts';

/** English / 한국어; each option is shown in its own language so it can be found from either. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  void i18n.language;
  return (
    <SegmentedControl
      size="xs"
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'en', label: <span lang="en">English</span> },
        { value: 'ko', label: <span lang="ko">한국어</span> },
      ]}
    />
  );
}
