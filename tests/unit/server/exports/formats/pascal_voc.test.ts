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
      'ImageSets/Main/default.txt',
      'labelmap.txt',
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

  it('lists every stem in ImageSets/Main/default.txt and every class with its colour in labelmap.txt', async () => {
    const files = await textEntries(pascalVocFormat.entries(sampleContext()));
    expect(files['ImageSets/Main/default.txt']).toBe('b\nday/a\nnight/deep/c.d\n');
    expect(files['labelmap.txt']).toBe(
      '# label:color_rgb:parts:actions\n' +
        'background:0,0,0::\n' +
        'car:230,25,75::\n' +
        'road:60,180,75::\n' +
        'lane:255,225,25::\n' +
        'head:67,99,216::\n' +
        'sign <"A&B">, big:245,130,49::\n',
    );
  });

  it('writes a ":" in a class name as "_" in both labelmap.txt and the XML, so they agree', async () => {
    const context = sampleContext();
    const classes = [{ name: 'a:b', color: '#010203' }];
    const image = context.images[0]!;
    const boxed = {
      ...image,
      annotations: [{ id: 'x', name: 'a:b', type: 'bbox', bounding_box: { x: 1, y: 1, w: 1, h: 1 } }],
    };
    const files = await textEntries(
      pascalVocFormat.entries({
        ...context,
        dataset: { ...context.dataset, classes },
        classIndex: new Map([['a:b', 0]]),
        images: [boxed],
      }),
    );
    expect(files['labelmap.txt']).toContain('\na_b:1,2,3::\n');
    expect(files['Annotations/day/a.xml']).toContain('<name>a_b</name>');
  });

  it('writes an image with no boxes as header only', async () => {
    const context = sampleContext();
    const files = await textEntries(
      pascalVocFormat.entries({ ...context, images: [{ ...context.images[2]!, annotations: [] }] }),
    );
    expect(files['Annotations/night/deep/c.d.xml']).toBe(header('night/deep/c.d.jpeg', 200, 100) + '</annotation>\n');
  });
});
