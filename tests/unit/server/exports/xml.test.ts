import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from '../../../../server/exports/xml';

describe('escapeXmlText', () => {
  it.each([
    ['plain', 'plain'],
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['"quotes" stay', '"quotes" stay'],
    ['bell\u0007', 'bell\uFFFD'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['pair \uD83D\uDE00 ok', 'pair \uD83D\uDE00 ok'],
    ['cr\r', 'cr&#13;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });
});

describe('escapeXmlAttribute', () => {
  it('escapes quotes and keeps whitespace a parser would otherwise normalise', () => {
    expect(escapeXmlAttribute(`a"b'c\td\ne&`)).toBe('a&quot;b&apos;c&#9;d&#10;e&amp;');
  });

  it('survives a round trip through a real XML parser', () => {
    const nasty = `<"tab\tnew\nline'&>`;
    const xml = `<r a="${escapeXmlAttribute(nasty)}">${escapeXmlText(nasty)}</r>`;
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      processEntities: true,
      htmlEntities: true,
    }).parse(xml) as {
      r: { a: string; '#text': string };
    };
    expect(parsed.r.a).toBe(nasty);
    expect(parsed.r['#text']).toBe(nasty);
  });
});
