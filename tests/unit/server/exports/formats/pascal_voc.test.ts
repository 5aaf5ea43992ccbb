import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { pascalVocFormat } from '../../../../../server/exports/formats/pascal_voc';
import { sampleContext, textEntries } from '../sampleExport';

const object = (name: string, [xmin, ymin, xmax, ymax]: number[]): string =>
  '  <object>\n' +
  `    <name>${name}</name>\n` +
  '    <pose>Unspecified</pose>\n' +
  '    <truncated>0</truncated>\n' +
  '    <difficult>0</difficult>\n' +
  '    <bndbox>\n' +
  `      <xmin>${xmin}</xmin>\n` +
  `      <ymin>${ymin}</ymin>\n` +
  `      <xmax>${xmax}</xmax>\n` +
  `      <ymax>${ymax}</ymax>\n` +
  '    </bndbox>\n' +
  '  </object>\n';

const header = (rel: string, width: number, height: number): string =>
  '<annotation>\n' +
  '  <folder>JPEGImages</folder>\n' +
  `  <filename>${rel}</filename>\n` +
  '  <size>\n' +
  `    <width>${width}</width>\n` +
  `    <height>${height}</height>\n` +
  '    <depth>3</depth>\n' +
  '  </size>\n' +
  '  <segmented>0</segmented>\n';

describe('pascal_voc export format', () => {
  it('writes Annotations/<stem>.xml with integer boxes for bbox, polygon and polyline', async () => {
    const files = await textEntries(pascalVocFormat.entries(sampleContext()));
    expect(Object.keys(files).sort()).toEqual([
      'Annotations/b.xml',
      'Annotations/day/a.xml',
      'Annotations/night/deep/c.d.xml',
    ]);
    expect(files['Annotations/day/a.xml']).toBe(
      header('day/a.jpg', 100, 50) +
        object('car', [10, 5, 30, 15]) +
        object('road', [0, 0, 10, 10]) +
        object('lane', [1, 2, 9, 6]) +
        // keypoint left out; 0.4→0, 0.6→1, 0.4+2.2→3, 0.6+3.3→4; the name is escaped
        object('sign &lt;"A&amp;B"&gt;, big', [0, 1, 3, 4]) +
        '</annotation>\n',
    );
    expect(files['Annotations/b.xml']).toBe(header('b.png', 0, 0) + object('car', [1, 1, 3, 3]) + '</annotation>\n');
    expect(pascalVocFormat.imagePrefix).toBe('JPEGImages/');
  });

  it('parses back with the original class name', async () => {
    const files = await textEntries(pascalVocFormat.entries(sampleContext()));
    const parsed = new XMLParser().parse(files['Annotations/day/a.xml']!) as {
      annotation: { object: { name: string }[] };
    };
    expect(parsed.annotation.object.map((o) => o.name)).toEqual(['car', 'road', 'lane', 'sign <"A&B">, big']);
  });

  it('writes an image with no boxes as header only', async () => {
    const context = sampleContext();
    const files = await textEntries(
      pascalVocFormat.entries({ ...context, images: [{ ...context.images[2]!, annotations: [] }] }),
    );
    expect(files['Annotations/night/deep/c.d.xml']).toBe(header('night/deep/c.d.jpeg', 200, 100) + '</annotation>\n');
  });
});
