import { expect } from '@open-wc/testing';
import { decodeEntities, htmlToText } from '../../src/core/text.js';

describe('core/text', () => {
  const entities: Array<[string, string]> = [
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['you&#8217;ve', 'you’ve'],
    ['&#x2019;&#X2019;', '’’'],
    ['&lt;b&gt; &quot;q&quot; &apos;a&apos;', `<b> "q" 'a'`],
    ['a&nbsp;b&hellip;&mdash;', 'a\u00a0b…—'],
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'],
    ['&unknown; &amp', '&unknown; &amp'],
  ];
  for (const [input, expected] of entities) {
    it(`decodes ${JSON.stringify(input)}`, () => {
      expect(decodeEntities(input)).to.equal(expected);
    });
  }

  it('decodes once: an escaped entity stays an entity', () => {
    expect(decodeEntities('&amp;lt;script&amp;gt;')).to.equal('&lt;script&gt;');
  });

  const fragments: Array<[string, string]> = [
    ['<p>Caf&#233; <em>au</em> lait</p>\n', 'Café au lait'],
    ['<script>alert(1)</script>Safe<style>p{}</style>', 'Safe'],
    ['A<!-- hidden -->B', 'AB'],
    ['<p>one</p><p>two</p>three<br>four', 'one two three four'],
    ['<img src=x onerror=alert(1)>text', 'text'],
    ['a < b and c > d', 'a < b and c > d'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['<script>never closed', ''],
    ['  lots \n\t of   space ', 'lots of space'],
  ];
  for (const [input, expected] of fragments) {
    it(`reduces ${JSON.stringify(input)} to text`, () => {
      expect(htmlToText(input)).to.equal(expected);
    });
  }
});
