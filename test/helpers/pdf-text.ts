/**
 * Reads back the text of a PDF as pdfkit writes it: its pages, and on each the runs of text with their
 * position and font size, decoded through the fonts' ToUnicode maps (embedded subset fonts write glyph
 * ids, not characters). Enough to check what a report says and where, not a general PDF parser.
 */
import zlib from 'node:zlib';

export type TextRun = { page: number; x: number; y: number; size: number; text: string };
type PdfObject = { dict: string; stream?: Buffer };

/**
 * A stream is cut by its /Length, never by searching for `endstream`/`endobj`: compressed bytes can
 * hold those words by chance (the footer's timestamp changes them from run to run).
 */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(src); m; m = header.exec(src)) {
    const from = m.index + m[0].length;
    const s = src.indexOf('stream', from);
    const e = src.indexOf('endobj', from);
    if (s < 0 || (e >= 0 && e < s)) {
      out.set(Number(m[1]), { dict: src.slice(from, e) });
      header.lastIndex = e;
      continue;
    }
    const dict = src.slice(from, s);
    const start = s + 'stream'.length + (src[s + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
    if (!Number.isFinite(length)) throw new Error(`PDF object ${m[1]}: a stream without a direct /Length`);
    let raw = Buffer.from(src.slice(start, start + length), 'latin1');
    if (/\/FlateDecode/.test(dict)) raw = zlib.inflateSync(raw);
    out.set(Number(m[1]), { dict, stream: raw });
    header.lastIndex = src.indexOf('endobj', start + length);
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** glyph id (hex) -> text, from a ToUnicode CMap's bfchar and bfrange sections. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(m[1]!.toLowerCase(), hexText(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const key = (n: number) => n.toString(16).padStart(width, '0');
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(key(lo + i), hexText(d[1]!)));
      } else {
        const base = parseInt(m[3]!.slice(1, -1), 16);
        for (let n = lo; n <= hi; n++) map.set(key(n), String.fromCharCode(base + n - lo));
      }
    }
  }
  return map;
}

export function readPdf(pdf: Buffer): { pages: number; runs: TextRun[]; pageHeight: number } {
  const objs = objects(pdf);
  const pages = [...objs.entries()].filter(([, o]) => /\/Type\s*\/Page\b(?!s)/.test(o.dict)).sort(([a], [b]) => a - b);
  const runs: TextRun[] = [];
  let pageHeight = 0;
  pages.forEach(([, page], index) => {
    const box = /\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s*\]/.exec(page.dict);
    pageHeight = box ? Number(box[1]) : pageHeight;
    const resourcesId = ref(page.dict, 'Resources');
    const resources = resourcesId === undefined ? page.dict : objs.get(resourcesId)!.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, Map<string, string>>();
    for (const m of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]))!;
      const cmapId = ref(font.dict, 'ToUnicode');
      fonts.set(m[1]!, cmapId === undefined ? new Map() : toUnicode(objs.get(cmapId)!.stream!.toString('latin1')));
    }
    const content = objs.get(ref(page.dict, 'Contents')!)!.stream!.toString('latin1');
    let x = 0;
    let y = 0;
    let size = 0;
    let font = new Map<string, string>();
    for (const m of content.matchAll(/([-\d.]+) ([-\d.]+) Tm|\/(\w+) ([\d.]+) Tf|\[(.*?)\] TJ/g)) {
      if (m[1] !== undefined) {
        x = Number(m[1]);
        y = Number(m[2]);
      } else if (m[3] !== undefined) {
        font = fonts.get(m[3]) ?? new Map();
        size = Number(m[4]);
      } else {
        const text = [...m[5]!.matchAll(/<([0-9a-fA-F]+)>/g)]
          .map((h) => (h[1]!.match(/.{4}/g) ?? []).map((g) => font.get(g.toLowerCase()) ?? '\uFFFD').join(''))
          .join('');
        runs.push({ page: index + 1, x, y, size, text });
      }
    }
  });
  return { pages: pages.length, runs, pageHeight };
}

/** All the text of a page (or of every page), runs joined by newlines in the order they were written. */
export const pageText = (runs: TextRun[], page?: number) =>
  runs
    .filter((r) => page === undefined || r.page === page)
    .map((r) => r.text)
    .join('\n');
