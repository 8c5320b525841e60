/** An idea's own words, as its authors submit and change them: title, description, expected benefit. */
import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IDEA_LIMITS } from '../../../shared/schemas/ideas.ts';

export type IdeaText = { title: string; description: string; expectedBenefit: string };

/** `testId`: the fields' test ids are `<testId>-title`, `-description` and `-expected`. */
export function IdeaTextFields({ value, onChange, testId }: { value: IdeaText; onChange(v: IdeaText): void; testId: string }) {
  const { t } = useTranslation();
  const set = (field: keyof IdeaText) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onChange({ ...value, [field]: e.currentTarget.value });
  return (
    <>
      <TextInput
        label={t('ideas.title')}
        required
        maxLength={IDEA_LIMITS.title}
        value={value.title}
        onChange={set('title')}
        data-testid={`${testId}-title`}
      />
      <Textarea
        label={t('ideas.description')}
        required
        autosize
        minRows={3}
        maxLength={IDEA_LIMITS.description}
        value={value.description}
        onChange={set('description')}
        data-testid={`${testId}-description`}
      />
      <TextInput
        label={t('ideas.expectedBenefit')}
        maxLength={IDEA_LIMITS.expectedBenefit}
        value={value.expectedBenefit}
        onChange={set('expectedBenefit')}
        data-testid={`${testId}-expected`}
      />
    </>
  );
}
