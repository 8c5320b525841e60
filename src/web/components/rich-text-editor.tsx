/**
 * The rich-text editor itself (tiptap under Mantine's toolbar), loaded on demand by RichTextField: it
 * writes only what the server's allow-list keeps (src/server/rich-text.ts), so a body is stored as typed.
 */
import { Link, RichTextEditor as MantineEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type RichTextEditorProps = {
  /** The body as HTML; '' when empty. */
  value: string;
  onChange: (html: string) => void;
  /** Put on the editable area, for tests. */
  testId: string;
  /** Ids of the field's label and of its description or error, for assistive technology. */
  labelId: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
};

/** Links the server keeps: absolute http(s) and mailto; anything else is not applied. */
const allowedLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

/** An address typed without a scheme: "example.org/x" is https, "name@example.org" is mail. */
function withScheme(href: string): string {
  const url = href.trim();
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return /^[^/@\s]+@[^/@\s]+$/.test(url) ? `mailto:${url}` : `https://${url.replace(/^\/+/, '')}`;
}

// Mantine's Link (tiptap's, with Ctrl+K opening the toolbar's link editor), taking an address typed without a scheme.
const BodyLink = Link.extend({
  addCommands() {
    const parent = this.parent?.() ?? {};
    return { ...parent, setLink: (attributes) => parent.setLink!({ ...attributes, href: withScheme(attributes.href) }) };
  },
});

const EXTENSIONS = [
  StarterKit.configure({ heading: { levels: [2, 3] }, link: false }),
  BodyLink.configure({
    openOnClick: false,
    defaultProtocol: 'https',
    isAllowedUri: allowedLink,
    HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
  }),
];

function useLabels(): Partial<RichTextEditorLabels> {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language only
  return useMemo(
    () => ({
      boldControlLabel: t('richText.bold'),
      italicControlLabel: t('richText.italic'),
      h2ControlLabel: t('richText.h2'),
      h3ControlLabel: t('richText.h3'),
      bulletListControlLabel: t('richText.bulletList'),
      orderedListControlLabel: t('richText.orderedList'),
      blockquoteControlLabel: t('richText.blockquote'),
      linkControlLabel: t('richText.link'),
      unlinkControlLabel: t('richText.unlink'),
      undoControlLabel: t('richText.undo'),
      redoControlLabel: t('richText.redo'),
      linkEditorInputLabel: t('richText.linkInput'),
      linkEditorInputPlaceholder: t('richText.linkPlaceholder'),
      linkEditorExternalLink: t('richText.linkExternal'),
      linkEditorInternalLink: t('richText.linkInternal'),
      linkEditorSave: t('richText.linkSave'),
    }),
    [i18n.language],
  );
}

/** The editable area's attributes: a multi-line text box named by the field's label. */
function areaAttributes(p: RichTextEditorProps): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': p.labelId,
    ...(p.describedBy ? { 'aria-describedby': p.describedBy } : {}),
    ...(p.invalid ? { 'aria-invalid': 'true' } : {}),
    ...(p.required ? { 'aria-required': 'true' } : {}),
    'data-testid': p.testId,
  };
}

/**
 * Esc in the link editor closes that popover only, not the form's modal around the editor: Mantine's
 * modal leaves alone an Escape pressed in an element marked `data-mantine-stop-propagation`.
 */
function useEscapeStaysInLinkEditor(): void {
  useEffect(() => {
    const mark = (event: FocusEvent) => {
      const el = event.target;
      if (el instanceof HTMLElement && el.closest('.mantine-RichTextEditor-linkEditor'))
        el.setAttribute('data-mantine-stop-propagation', 'true');
    };
    document.addEventListener('focusin', mark);
    return () => document.removeEventListener('focusin', mark);
  }, []);
}

export function RichTextEditor(props: RichTextEditorProps) {
  const { value, onChange, invalid } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  useEscapeStaysInLinkEditor();
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: areaAttributes(props) },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  const attributes = JSON.stringify(areaAttributes(props));
  // useEditor may hand back an instance it has already destroyed (seen on the first mount after a full
  // page load: the editor then stayed on its loading placeholder); it has no schema, and reading it throws.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({ editorProps: { attributes: JSON.parse(attributes) } });
  }, [editor, attributes]);
  // A value set from outside (a form reset) replaces the content; the editor's own changes come back equal.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === (editor.isEmpty ? '' : editor.getHTML())) return;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <MantineEditor editor={editor} labels={labels} styles={invalid ? { root: { borderColor: 'var(--mantine-color-error)' } } : undefined}>
      <MantineEditor.Toolbar aria-label={t('richText.toolbar')} role="group">
        <MantineEditor.ControlsGroup>
          <MantineEditor.Bold />
          <MantineEditor.Italic />
        </MantineEditor.ControlsGroup>
        <MantineEditor.ControlsGroup>
          <MantineEditor.H2 />
          <MantineEditor.H3 />
        </MantineEditor.ControlsGroup>
        <MantineEditor.ControlsGroup>
          <MantineEditor.BulletList />
          <MantineEditor.OrderedList />
          <MantineEditor.Blockquote />
        </MantineEditor.ControlsGroup>
        <MantineEditor.ControlsGroup>
          <MantineEditor.Link />
          <MantineEditor.Unlink />
        </MantineEditor.ControlsGroup>
        <MantineEditor.ControlsGroup>
          <MantineEditor.Undo />
          <MantineEditor.Redo />
        </MantineEditor.ControlsGroup>
      </MantineEditor.Toolbar>
      <MantineEditor.Content mih={160} />
    </MantineEditor>
  );
}
