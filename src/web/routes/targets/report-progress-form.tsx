/**
 * A cell's targets to report on (its own and its committees'), each with the cell's latest figure; its
 * secretary (or an official over it) reports the cell's figure to date on one of them.
 */
import { Button, Card, FileInput, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadReportEvidence, useReportableTargets, useReportProgress } from '../../api/targets.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatFigure } from './target-bits.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function ReportProgressForm({ unitId, year }: { unitId: number; year: number }) {
  const { t, i18n } = useTranslation();
  const reportable = useReportableTargets(unitId, year);
  const items = reportable.data?.items ?? [];
  const [targetId, setTargetId] = useState<string | null>(null);
  const chosen = items.find((i) => String(i.id) === targetId) ?? items[0];
  const report = useReportProgress(chosen?.id ?? 0);
  const [asOf, setAsOf] = useState(today());
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (!reportable.data || items.length === 0) return null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setSaved(false);
    setUploadError(null);
    report.mutate(
      {
        unitId,
        asOf,
        value: typeof value === 'number' ? value : Number.NaN,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(evidenceUrl.trim() ? { evidenceUrl: evidenceUrl.trim() } : {}),
      },
      {
        // The file goes to the report once it is filed; a refused file leaves the report and says why.
        onSuccess: async ({ id }) => {
          if (file) await uploadReportEvidence(id, file).catch(setUploadError);
          setSaved(true);
          setValue('');
          setNote('');
          setEvidenceUrl('');
          setFile(null);
        },
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="targets-report">
      <Stack>
        <Title order={3} size="h4" id="targets-report">
          {t('targets.reportTitle')}
        </Title>
        <Table data-testid="reportable-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('targets.indicator')}</Table.Th>
              <Table.Th>{t('targets.setBy')}</Table.Th>
              <Table.Th ta="right">{t('targets.figure')}</Table.Th>
              <Table.Th ta="right">{t('targets.lastReport')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.indicator}</Table.Td>
                <Table.Td>{i.unitName}</Table.Td>
                <Table.Td ta="right">
                  {formatFigure(i.figure, i18n.language)} {i.measure}
                </Table.Td>
                <Table.Td ta="right">
                  {i.lastValue === null
                    ? '—'
                    : t('targets.lastValue', { value: formatFigure(i.lastValue, i18n.language), day: i.lastAsOf })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {reportable.data.canReport && (
          <form onSubmit={submit} data-testid="progress-form">
            <Stack>
              <ErrorAlert error={report.error} />
              <ErrorAlert error={uploadError} />
              {saved && (
                <Text c="green" role="status">
                  {t('targets.reported')}
                </Text>
              )}
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t('targets.indicator')}
                  data={items.map((i) => ({ value: String(i.id), label: `${i.indicator} (${i.unitName})` }))}
                  value={chosen ? String(chosen.id) : null}
                  onChange={setTargetId}
                  allowDeselect={false}
                  style={{ flex: '2 1 14rem' }}
                  data-testid="progress-target"
                />
                <TextInput
                  type="date"
                  label={t('targets.asOf')}
                  value={asOf}
                  max={today()}
                  onChange={(e) => setAsOf(e.currentTarget.value)}
                  required
                  data-testid="progress-as-of"
                />
                <NumberInput
                  label={t('targets.valueToDate', { measure: chosen?.measure ?? '' })}
                  description={t('targets.valueHint')}
                  value={value}
                  onChange={setValue}
                  min={0}
                  decimalScale={4}
                  thousandSeparator=","
                  required
                  data-testid="progress-value"
                />
              </Group>
              <Textarea
                label={t('targets.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
              />
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  type="url"
                  label={t('targets.evidenceUrl')}
                  placeholder="https://"
                  value={evidenceUrl}
                  onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
                  maxLength={2000}
                  style={{ flex: '2 1 14rem' }}
                  data-testid="progress-evidence-url"
                />
                <FileInput
                  label={t('targets.evidenceFile')}
                  description={t('targets.evidenceFileHint')}
                  value={file}
                  onChange={setFile}
                  clearable
                  accept="application/pdf,image/png,image/jpeg,text/plain"
                  style={{ flex: '1 1 12rem' }}
                />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" loading={report.isPending} data-testid="progress-save">
                  {t('targets.report')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
