/**
 * What a notification says in mail, per payload key, in English and Korean. The web app shows the same
 * keys from en.json / ko.json (under `notifications.kinds`); mail is written on the server, so the texts
 * a kind mails live here. A module adding a kind adds its key here and in both JSON files.
 */
import type { NotificationLanguage } from '../../db/types.ts';

type Text = { subject: string; body: string };

export const MAIL_TEXTS: Record<string, Record<NotificationLanguage, Text>> = {
  'notifications.kinds.demo': {
    en: { subject: 'Cellwork: {{title}}', body: 'Hello {{name}},\n\n{{title}}\n\nThis is a test notification from Cellwork.' },
    ko: { subject: 'Cellwork 알림: {{title}}', body: '{{name}} 님, 안녕하십니까.\n\n{{title}}\n\nCellwork에서 보낸 시험 알림입니다.' },
  },
};

const FALLBACK: Record<NotificationLanguage, Text> = {
  en: { subject: 'Cellwork: you have a new notification', body: 'Hello {{name}},\n\nYou have a new notification in Cellwork.' },
  ko: { subject: 'Cellwork: 새 알림이 있습니다', body: '{{name}} 님, 안녕하십니까.\n\nCellwork에 새 알림이 있습니다.' },
};

const FOOTER: Record<NotificationLanguage, { open: string; optOut: string }> = {
  en: { open: 'Open it: {{url}}', optOut: 'You can stop these e-mails in Cellwork under Notifications › Settings.' },
  ko: { open: '바로 가기: {{url}}', optOut: '이 전자우편은 Cellwork의 알림 › 설정에서 끌 수 있습니다.' },
};

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => (name in params ? String(params[name]) : ''));

export function renderMail(
  payload: { key: string; params?: Record<string, string | number> },
  language: NotificationLanguage,
  extra: { name: string; url: string | null },
): { subject: string; text: string } {
  const t = MAIL_TEXTS[payload.key]?.[language] ?? FALLBACK[language];
  const params = { ...payload.params, name: extra.name };
  const footer = FOOTER[language];
  const parts = [fill(t.body, params)];
  if (extra.url) parts.push(fill(footer.open, { url: extra.url }));
  parts.push(`--\n${footer.optOut}`);
  // A subject is one line: a newline in a param must not start a header.
  return { subject: fill(t.subject, params).replace(/[\r\n]+/g, ' '), text: parts.join('\n\n') };
}
