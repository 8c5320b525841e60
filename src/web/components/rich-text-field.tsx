/**
 * A form field for a rich-text body (directives, library documents and articles): label, hint and error
 * around the editor, which is fetched the first time a form shows it (tiptap stays out of the pages
 * that only read bodies).
 */
import { Input, Skeleton } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';

const RichTextEditor = lazy(async () => ({ default: (await import('./rich-text-editor.tsx')).RichTextEditor }));

export type RichTextFieldProps = {
  label: string;
  /** The body as HTML; '' when empty. */
  value: string;
  onChange: (html: string) => void;
  error?: string;
  required?: boolean;
  /** Put on the editable area, for tests. */
  testId: string;
};

export function RichTextField({ label, value, onChange, error, required, testId }: RichTextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = error ? `${id}-error` : `${id}-description`;
  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={t('richText.hint')}
      error={error}
      required={required}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
    >
      <Suspense fallback={<Skeleton h={200} aria-label={t('richText.loading')} />}>
        <RichTextEditor
          value={value}
          onChange={onChange}
          testId={testId}
          labelId={`${id}-label`}
          describedBy={describedBy}
          invalid={Boolean(error)}
          required={required}
        />
      </Suspense>
    </Input.Wrapper>
  );
}
