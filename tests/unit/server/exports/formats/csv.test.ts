import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvFormat } from '../../../../../server/exports/formats/csv';
import { SIGN, sampleContext, textEntries } from '../sampleExport';

describe('csv export format', () => {
  it('writes one RFC 4180 row per bbox, polygon or polyline with numbers as in JSON', async () => {
    const files = await textEntries(csvFormat.entries(sampleContext()));
    expect(files).toEqual({
      'annotations.csv':
        'filename,width,height,class,xmin,ymin,xmax,ymax\n' +
        'day/a.jpg,100,50,car,10,5,30,15\n' +
        'day/a.jpg,100,50,road,0,0,10,10\n' +
        'day/a.jpg,100,50,lane,1,2,9,6\n' +
        'day/a.jpg,100,50,"sign <""A&B"">, big",0.4,0.6,2.6,3.9\n' +
        'b.png,0,0,car,1,1,3,3\n' +
        'night/deep/c.d.jpeg,200,100,road,20,10,120,60\n',
    });
  });

  it('round-trips through a CSV parser', async () => {
    const text = (await textEntries(csvFormat.entries(sampleContext())))['annotations.csv']!;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(rows[3]).toEqual({
      filename: 'day/a.jpg',
      width: '100',
      height: '50',
      class: SIGN,
      xmin: '0.4',
      ymin: '0.6',
      xmax: '2.6',
      ymax: '3.9',
    });
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('quotes %j as %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
