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
  'notifications.kinds.directivePublished': {
    en: {
      subject: 'Cellwork: new directive: {{title}}',
      body: 'Hello {{name}},\n\nA new directive has been sent to you: {{title}}\n\nPlease read it in Cellwork and confirm that you have read and understood it.',
    },
    ko: {
      subject: 'Cellwork 새 지시: {{title}}',
      body: '{{name}} 님, 안녕하십니까.\n\n새 지시가 전달되었습니다: {{title}}\n\nCellwork에서 읽으시고 읽고 이해했음을 확인해 주십시오.',
    },
  },
  'notifications.kinds.directiveReminder': {
    en: {
      subject: 'Cellwork reminder: {{title}}',
      body: 'Hello {{name}},\n\nYou have not yet confirmed the directive "{{title}}". Please read it and confirm by {{deadline}}.',
    },
    ko: {
      subject: 'Cellwork 알림: {{title}} 확인 기한',
      body: '{{name}} 님, 안녕하십니까.\n\n지시 "{{title}}"을(를) 아직 확인하지 않으셨습니다. {{deadline}}까지 읽고 확인해 주십시오.',
    },
  },
  'notifications.kinds.directiveReminderSecretary': {
    en: {
      subject: 'Cellwork: members of your cell have not yet been reached: {{title}}',
      body: 'Hello {{name}},\n\nSome members of your cell have neither confirmed nor been briefed on the directive "{{title}}", due by {{deadline}}. Please brief them in person or remind them.',
    },
    ko: {
      subject: 'Cellwork: 아직 전달되지 않은 세포 성원이 있습니다: {{title}}',
      body: '{{name}} 님, 안녕하십니까.\n\n지시 "{{title}}"(기한 {{deadline}})을(를) 아직 확인하지도, 직접 전달받지도 않은 세포 성원이 있습니다. 직접 전달하시거나 확인을 당부해 주십시오.',
    },
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
