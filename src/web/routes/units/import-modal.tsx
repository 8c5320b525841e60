import { Alert, Anchor, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../shared/schemas/imports.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { fetchImportStatus, newImportId, rejectedStatus, templateHref, uploadImport, type UploadHandle } from '../../api/imports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ImportErrorsTable, ImportProgress } from './import-progress.tsx';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; importId: string; sent: number; total: number }
  | { kind: 'done'; status: ImportStatus }
  | { kind: 'rejected'; status: ImportStatus }
  /** The server process running it stopped: nothing was imported, the same file can simply go again. */
  | { kind: 'interrupted'; status: ImportStatus }
  | { kind: 'failed'; error: unknown };

export function ImportModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const upload = useRef<UploadHandle | null>(null);
  useEffect(() => () => upload.current?.abort(), []);
  const running = phase.kind === 'running';
  const importId = running ? phase.importId : null;

  const poll = useQuery({
    queryKey: ['imports', importId],
    queryFn: () => fetchImportStatus(importId!),
    enabled: importId !== null,
    refetchInterval: 500,
    retry: false,
  });

  // Only the run still in progress may be settled: a cancelled or replaced one keeps quiet.
  const settle = (id: string, next: Phase) => setPhase((p) => (p.kind === 'running' && p.importId === id ? next : p));

  // The status answers "interrupted" when the process running the import is gone, even while the
  // upload itself still waits for an answer that will never come.
  const polled = poll.data;
  useEffect(() => {
    if (!importId || polled?.id !== importId || polled.failure !== 'interrupted') return;
    settle(importId, { kind: 'interrupted', status: polled });
    upload.current?.abort();
  }, [importId, polled]);

  const start = () => {
    if (!file) return;
    const id = newImportId();
    setPhase({ kind: 'running', importId: id, sent: 0, total: file.size });
    const handle = uploadImport(unit.id, id, file, (sent, total) =>
      setPhase((p) => (p.kind === 'running' && p.importId === id ? { ...p, sent, total } : p)),
    );
    upload.current = handle;
    handle.done
      .then(
        (status) => {
          settle(id, { kind: 'done', status });
          void qc.invalidateQueries({ queryKey: ['units'] });
        },
        (error: unknown) => {
          const rejected = rejectedStatus(error);
          if (rejected) return settle(id, { kind: 'rejected', status: rejected });
          // The upload broke off (the server went away?): the import's own status tells what happened.
          return fetchImportStatus(id).then(
            (s) =>
              settle(
                id,
                s.failure === 'interrupted'
                  ? { kind: 'interrupted', status: s }
                  : s.status === 'done'
                    ? { kind: 'done', status: s }
                    : { kind: 'failed', error },
              ),
            () => settle(id, { kind: 'failed', error }),
          );
        },
      )
      .finally(() => {
        upload.current = null;
      });
  };

  const close = () => {
    upload.current?.abort();
    setFile(null);
    setPhase({ kind: 'idle' });
    onClose();
  };

  const status = phase.kind === 'done' || phase.kind === 'rejected' || phase.kind === 'interrupted' ? phase.status : (poll.data ?? null);
  const uploaded = running && phase.total > 0 ? phase.sent / phase.total : 1;

  return (
    <Modal opened={opened} onClose={close} title={t('import.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">
          {unit.kind === 'committee' ? t('import.introCommittee', { name: unit.name }) : t('import.introCell', { name: unit.name })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('import.columns')}
        </Text>
        <List size="sm" c="dimmed" withPadding>
          <List.Item>{t('import.columnsRequired')}</List.Item>
          <List.Item>{t('import.columnsOptional')}</List.Item>
        </List>
        <Anchor href={templateHref()} download="cellwork-members-template.csv" size="sm">
          {t('import.downloadTemplate')}
        </Anchor>
        <FileInput
          label={t('import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          disabled={running}
          placeholder={t('import.choose')}
          data-testid="import-file"
        />
        {(running || status) && <ImportProgress status={status} uploaded={uploaded} running={running} />}
        {phase.kind === 'done' && (
          <Alert color="green" role="status" title={t('import.doneTitle')} data-testid="import-done">
            {t('import.doneSummary', { created: phase.status.created, updated: phase.status.updated, unchanged: phase.status.unchanged })}
          </Alert>
        )}
        {phase.kind === 'rejected' && (
          <>
            <Alert color="red" role="alert" title={t('import.rejectedTitle')} data-testid="import-rejected">
              {t('import.rejectedSummary', { count: phase.status.errorCount })}
            </Alert>
            <ImportErrorsTable errors={phase.status.errors} total={phase.status.errorCount} />
          </>
        )}
        {phase.kind === 'interrupted' && (
          <Alert color="orange" role="alert" title={t('importInterrupted.title')} data-testid="import-interrupted">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('importInterrupted.summary')}</Text>
              <Button size="xs" onClick={start} disabled={!file} data-testid="import-retry">
                {t('importInterrupted.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        {phase.kind === 'failed' && <ErrorAlert error={phase.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {running ? t('common.cancel') : t('common.close')}
          </Button>
          <Button onClick={start} disabled={!file || running} loading={running} data-testid="import-start">
            {t('import.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
