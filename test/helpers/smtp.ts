/** A real SMTP server in the test process (smtp-server): what a mail server received, as raw messages. */
import { SMTPServer } from 'smtp-server';

export type Received = { to: string[]; raw: string; subject: string; messageId: string; body: string };

export class TestMailServer {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /** Addresses the server refuses for good (550, no such mailbox). */
  readonly refused = new Set<string>();

  /** Starts listening (on `port` when given, e.g. to come back on the same one after a stop). */
  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address)) return callback();
        const err = Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 });
        callback(err);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
          const header = (name: string) =>
            head.match(new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im'))?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject: decodeMimeWords(header('Subject')),
            messageId: header('Message-ID'),
            body: decodeBody(rest.join('\n\n'), header('Content-Transfer-Encoding')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.to.includes(address));
  }
}

/** A single-part text body as nodemailer encodes it (quoted-printable or base64), back to text. */
function decodeBody(body: string, encoding: string): string {
  const enc = encoding.trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words, as nodemailer writes non-ASCII subjects. */
function decodeMimeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
