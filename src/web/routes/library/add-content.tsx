/** The administrators' forms: a document (or the charter), a newspaper issue, an article of an issue. */
import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Item } from '../../../shared/schemas/library.ts';
import { useCreateArticle, useCreateDocument, useCreateIssue, useUpdateItem } from '../../api/library.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { RichTextField } from '../../components/rich-text-field.tsx';
import { todayLocal } from '../../lib/period.ts';

type Closable = { opened: boolean; onClose: () => void };

function BodyFields({
  title,
  body,
  setTitle,
  setBody,
  tried,
}: {
  title: string;
  body: string;
  setTitle: (v: string) => void;
  setBody: (v: string) => void;
  tried: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('library.form.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        maxLength={300}
        error={tried && !title.trim() ? t('library.form.required') : undefined}
        data-testid="content-title"
      />
      <RichTextField
        label={t('library.form.body')}
        value={body}
        onChange={setBody}
        required
        error={tried && !body.trim() ? t('library.form.required') : undefined}
        testId="content-body"
      />
    </>
  );
}

export function AddDocumentModal({ opened, onClose }: Closable) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDocument();
  const [kind, setKind] = useState<'document' | 'charter'>('document');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [published, setPublished] = useState(true);
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (!title.trim() || !body.trim()) return;
    create.mutate(
      { kind, title, body, published },
      {
        onSuccess: (item) => {
          onClose();
          navigate(`/library/items/${item.id}`);
        },
      },
    );
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('library.addDocument')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      size="lg"
    >
      <Select
        label={t('library.form.kind')}
        data={[
          { value: 'document', label: t('library.kind.document') },
          { value: 'charter', label: t('library.kind.charter') },
        ]}
        value={kind}
        onChange={(v) => setKind(v === 'charter' ? 'charter' : 'document')}
        allowDeselect={false}
      />
      <BodyFields title={title} body={body} setTitle={setTitle} setBody={setBody} tried={tried} />
      <Checkbox label={t('library.form.published')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
    </FormModal>
  );
}

export function AddIssueModal({ opened, onClose }: Closable) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateIssue();
  const [title, setTitle] = useState('');
  const [issueNo, setIssueNo] = useState<number | string>('');
  const [issuedOn, setIssuedOn] = useState(todayLocal());
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (!title.trim() || !issuedOn) return;
    create.mutate(
      { title, issuedOn, ...(typeof issueNo === 'number' ? { issueNo } : {}) },
      {
        onSuccess: (issue) => {
          onClose();
          navigate(`/library/issues/${issue.id}`);
        },
      },
    );
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('library.addIssue')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
    >
      <TextInput
        label={t('library.form.issueTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        maxLength={200}
        error={tried && !title.trim() ? t('library.form.required') : undefined}
        data-testid="issue-title"
      />
      <NumberInput label={t('library.form.issueNo')} value={issueNo} onChange={setIssueNo} min={1} allowDecimal={false} />
      <TextInput
        type="date"
        label={t('library.form.issuedOn')}
        value={issuedOn}
        onChange={(e) => setIssuedOn(e.currentTarget.value)}
        required
        data-testid="issue-date"
      />
    </FormModal>
  );
}

export function AddArticleModal({ issueId, opened, onClose }: Closable & { issueId: number }) {
  const { t } = useTranslation();
  const create = useCreateArticle(issueId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [editorial, setEditorial] = useState(false);
  const [published, setPublished] = useState(true);
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (!title.trim() || !body.trim()) return;
    create.mutate(
      { title, body, editorial, published },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          setEditorial(false);
          setTried(false);
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('library.addArticle')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      size="lg"
    >
      <BodyFields title={title} body={body} setTitle={setTitle} setBody={setBody} tried={tried} />
      <Checkbox
        label={t('library.form.editorial')}
        checked={editorial}
        onChange={(e) => setEditorial(e.currentTarget.checked)}
        data-testid="article-editorial"
      />
      <Checkbox label={t('library.form.published')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
    </FormModal>
  );
}

/** Changes an item's title, text or editorial flag (administrators). */
export function EditItemModal({ item, opened, onClose }: Closable & { item: Item }) {
  const { t } = useTranslation();
  const update = useUpdateItem();
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.bodyHtml);
  const [editorial, setEditorial] = useState(item.editorial);
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (!title.trim() || !body.trim()) return;
    update.mutate({ id: item.id, title, body, ...(item.kind === 'article' ? { editorial } : {}) }, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('library.edit')}
      onSubmit={submit}
      pending={update.isPending}
      error={update.error}
      size="lg"
    >
      <BodyFields title={title} body={body} setTitle={setTitle} setBody={setBody} tried={tried} />
      {item.kind === 'article' && (
        <Checkbox label={t('library.form.editorial')} checked={editorial} onChange={(e) => setEditorial(e.currentTarget.checked)} />
      )}
    </FormModal>
  );
}
