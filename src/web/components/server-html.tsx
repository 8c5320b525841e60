/** HTML the server built: bodies sanitised on its one allow-list (src/server/rich-text.ts), search hits escaped. */
import { Typography } from '@mantine/core';

type ServerHtmlProps = { html: string; 'data-testid'?: string; className?: string };

/**
 * Inline HTML the server built for a search hit: the text escaped, the matches in <mark> (decision 0017).
 */
export function ServerHtml({ html, ...rest }: ServerHtmlProps) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the server (decision 0017)
  return <span {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A stored rich-text body (a directive's, a library item's), set as the editor wrote it. */
export function RichTextView({ html, ...rest }: ServerHtmlProps) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on write by the server's allow-list (no scripts, handlers or javascript: links) */}
      <div {...rest} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
