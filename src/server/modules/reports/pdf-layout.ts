/**
 * A little page layout over pdfkit: a cursor that moves down the page, breaks to a new page before
 * anything would cross into the footer, and tables whose header repeats on the next page. pdfkit's own
 * flow would break a row in half or write under the footer; here every block is measured first.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 48 } as const;
/** The footer's band: body text never goes below FOOTER_TOP. */
export const FOOTER_TOP = PAGE.height - PAGE.margin + 6;
const BODY_TOP = PAGE.margin;
const BODY_BOTTOM = FOOTER_TOP - 14;

export const COLORS = {
  ink: '#1f2328',
  muted: '#57606a',
  heading: '#1c3d5a',
  rule: '#d0d7de',
  band: '#f2f5f8',
  stripe: '#f8f9fb',
  met: '#1b7f3b',
  notMet: '#b3261e',
} as const;

export type TextStyle = { size?: number; bold?: boolean; color?: string; align?: 'left' | 'right' | 'center' };

export type Column = { label: string; width: number; align?: 'left' | 'right' | 'center' };
export type Cell = string | { text: string; color?: string; bold?: boolean; dot?: string };

export class Layout {
  y = BODY_TOP;
  readonly left = PAGE.margin;
  readonly right = PAGE.width - PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  private style(s: TextStyle) {
    return this.doc
      .font(s.bold ? 'bold' : 'regular')
      .fontSize(s.size ?? 10)
      .fillColor(s.color ?? COLORS.ink);
  }

  /** The height `text` takes in `width` in style `s`. */
  measure(text: string, width: number, s: TextStyle = {}): number {
    return this.style(s).heightOfString(text, { width, lineGap: 1 });
  }

  /** Writes at (x, y) without moving the cursor. */
  put(text: string, x: number, y: number, width: number, s: TextStyle = {}): void {
    this.style(s).text(text, x, y, { width, align: s.align ?? 'left', lineGap: 1 });
  }

  /** Starts a new page when `height` more would not fit above the footer; then runs `again` (a repeated heading). */
  ensure(height: number, again?: () => void): void {
    if (this.y + height <= BODY_BOTTOM) return;
    this.doc.addPage();
    this.y = BODY_TOP;
    again?.();
  }

  /** A paragraph across the body (or from `indent`), moving the cursor below it. */
  paragraph(text: string, s: TextStyle = {}, indent = 0, again?: () => void): void {
    const h = this.measure(text, this.width - indent, s);
    this.ensure(h, again);
    this.put(text, this.left + indent, this.y, this.width - indent, s);
    this.y += h;
  }

  rule(color: string = COLORS.rule, weight = 0.75): void {
    this.doc.save().moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(weight).strokeColor(color).stroke().restore();
  }

  /**
   * A section heading, kept with at least `keep` points of what follows. Returns a function that
   * writes it again as "(continued)" at the top of a later page.
   */
  heading(text: string, continued: string, keep = 40): () => void {
    const write = (t: string) => {
      this.put(t, this.left, this.y, this.width, { size: 12.5, bold: true, color: COLORS.heading });
      this.y += 17;
      this.rule(COLORS.heading, 1);
      this.y += 6;
    };
    this.y += 10;
    this.ensure(23 + keep);
    write(text);
    return () => write(continued);
  }

  /** A table whose rows never split across pages; the header repeats after a break. */
  table(columns: Column[], rows: Cell[][], again?: () => void): void {
    const pad = 4;
    const header = () => {
      const h = Math.max(...columns.map((c) => this.measure(c.label, c.width - 2 * pad, { size: 8.5, bold: true }))) + 2 * pad;
      this.doc.save().rect(this.left, this.y, this.width, h).fill(COLORS.band).restore();
      let x = this.left;
      for (const c of columns) {
        this.put(c.label, x + pad, this.y + pad, c.width - 2 * pad, { size: 8.5, bold: true, color: COLORS.muted, align: c.align });
        x += c.width;
      }
      this.y += h;
    };
    const textOf = (cell: Cell) => (typeof cell === 'string' ? { text: cell } : cell);
    const rowHeight = (row: Cell[]) =>
      Math.max(
        ...row.map((cell, i) => {
          const c = textOf(cell);
          return this.measure(c.text, columns[i]!.width - 2 * pad - (c.dot ? 9 : 0), { size: 9.5, bold: c.bold });
        }),
      ) +
      2 * pad;
    this.ensure(rowHeight(rows[0] ?? []) + 20, again);
    header();
    rows.forEach((row, r) => {
      const h = rowHeight(row);
      this.ensure(h, () => {
        again?.();
        header();
      });
      if (r % 2 === 1) this.doc.save().rect(this.left, this.y, this.width, h).fill(COLORS.stripe).restore();
      let x = this.left;
      row.forEach((cell, i) => {
        const c = textOf(cell);
        const col = columns[i]!;
        let tx = x + pad;
        if (c.dot) {
          this.doc
            .save()
            .circle(tx + 3, this.y + pad + 5.5, 3)
            .fill(c.dot)
            .restore();
          tx += 9;
        }
        this.put(c.text, tx, this.y + pad, col.width - 2 * pad - (tx - x - pad), {
          size: 9.5,
          bold: c.bold,
          color: c.color,
          align: col.align,
        });
        x += col.width;
      });
      this.y += h;
      this.doc.save().moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore();
    });
  }

  /** A row of boxed figures: a small label over a large value. */
  tiles(items: Array<{ label: string; value: string }>): void {
    const gap = 8;
    const w = (this.width - gap * (items.length - 1)) / items.length;
    const labelH = Math.max(...items.map((i) => this.measure(i.label, w - 12, { size: 8 })));
    const h = labelH + 30;
    this.ensure(h);
    items.forEach((item, i) => {
      const x = this.left + i * (w + gap);
      this.doc.save().roundedRect(x, this.y, w, h, 3).lineWidth(0.75).strokeColor(COLORS.rule).stroke().restore();
      this.put(item.label, x + 6, this.y + 6, w - 12, { size: 8, color: COLORS.muted });
      this.put(item.value, x + 6, this.y + 8 + labelH, w - 12, { size: 15, bold: true });
    });
    this.y += h;
  }

  /** Writes the footer on every page: `left` text and "page n of m" (the page count is known only at the end). */
  footers(left: string, page: (n: number, of: number) => string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Text below the bottom margin would make pdfkit open a page; the footer sits in that margin.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .save()
        .moveTo(this.left, FOOTER_TOP)
        .lineTo(this.right, FOOTER_TOP)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke()
        .restore();
      this.put(left, this.left, FOOTER_TOP + 5, this.width * 0.7, { size: 8, color: COLORS.muted });
      this.put(page(i - range.start + 1, range.count), this.left + this.width * 0.7, FOOTER_TOP + 5, this.width * 0.3, {
        size: 8,
        color: COLORS.muted,
        align: 'right',
      });
      this.doc.page.margins.bottom = bottom;
    }
  }
}
