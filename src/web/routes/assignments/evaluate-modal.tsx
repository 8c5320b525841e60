/** The secretary's evaluation of done work: a score on the configured scale and a comment; again replaces it. */
import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../shared/schemas/assignments.ts';
import { useEvaluate } from '../../api/assignments.ts';
import { FormModal } from '../../components/form-modal.tsx';

type Row = Board['items'][number];

export function EvaluateModal({ row, scale, onClose }: { row: Row | null; scale: Board['scale']; onClose: () => void }) {
  const { t } = useTranslation();
  const evaluate = useEvaluate();
  const [score, setScore] = useState(String(scale.max));
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (!row) return;
    setScore(String(row.evaluation?.score ?? scale.max));
    setComment(row.evaluation?.comment ?? '');
    evaluate.reset();
  }, [row, scale.max, evaluate.reset]);
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
  const submit = () =>
    row && evaluate.mutate({ id: row.id, score: Number(score), comment: comment.trim() || undefined }, { onSuccess: onClose });
  return (
    <FormModal
      opened={row !== null}
      onClose={onClose}
      title={t('assignments.evaluateTitle', { title: row?.title ?? '', name: row?.assigneeName ?? '' })}
      onSubmit={submit}
      submitLabel={t('assignments.evaluate')}
      pending={evaluate.isPending}
      error={evaluate.error}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="evaluate-score-label">
          {t('assignments.score', { min: scale.min, max: scale.max })}
        </Text>
        <SegmentedControl
          aria-labelledby="evaluate-score-label"
          data={scores}
          value={score}
          onChange={setScore}
          data-testid="evaluate-score"
        />
      </Stack>
      <Textarea
        label={t('assignments.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="evaluate-comment"
      />
    </FormModal>
  );
}
