import { describe, expect, it } from 'vitest';
import { initialAssets } from './lib/frontend.js';

describe('initialAssets', () => {
  it('takes module scripts, modulepreload and stylesheet links, in order, once each', () => {
    const html = `<!doctype html><head>
      <link rel="icon" href="data:," />
      <script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link rel='stylesheet' href='/assets/index-C.css'>
      <link rel="preconnect" href="/assets/not-loaded.js">
      <link rel="modulepreload" href="/assets/vendor-B.js">
      <script src="https://cdn.example/x.js"></script>
    </head>`;
    expect(initialAssets(html)).toEqual(['/assets/index-A.js', '/assets/vendor-B.js', '/assets/index-C.css']);
  });

  it('finds nothing in a page without assets', () => {
    expect(initialAssets('<html><body>hi</body></html>')).toEqual([]);
  });
});
