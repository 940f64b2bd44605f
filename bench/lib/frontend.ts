import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What the browser loads for the first screen: the files index.html names (module scripts,
// modulepreload and stylesheet links). Everything else under assets/ is a lazy chunk.

/** The asset paths index.html loads before the first screen, in document order, without duplicates. */
export function initialAssets(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    let url: string | undefined;
    if (/^<script/i.test(tag)) url = attr('src');
    else if (/^(stylesheet|modulepreload)$/i.test(attr('rel') ?? '')) url = attr('href');
    if (url && !/^(data:|https?:)/i.test(url) && !out.includes(url)) out.push(url);
  }
  return out;
}

export const gzipSize = (buf: Buffer) => gzipSync(buf).length;

// Code that must stay out of the first screen: chart and Excel libraries.
const HEAVY: { name: string; marker: RegExp }[] = [
  { name: 'echarts', marker: /_echarts_instance_|zrender/ },
  { name: 'excel', marker: /exceljs|xl\/worksheets|SheetJS/ },
];

export interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
  heavy: string[];
}

export function measureBundle(webDir: string): { initial: AssetSize[]; lazy: AssetSize[] } {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const initialFiles = initialAssets(html).map((u) => u.replace(/^\//, ''));
  const size = (file: string): AssetSize => {
    const buf = fs.readFileSync(path.join(webDir, file));
    const text = buf.toString('utf8');
    return {
      file,
      bytes: buf.length,
      gzip: gzipSize(buf),
      heavy: HEAVY.filter((h) => h.marker.test(text)).map((h) => h.name),
    };
  };
  const lazyFiles = fs
    .readdirSync(path.join(webDir, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !initialFiles.includes(f))
    .sort();
  return { initial: initialFiles.map(size), lazy: lazyFiles.map(size) };
}
