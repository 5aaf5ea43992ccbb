import { unzipSync, strFromU8 } from 'fflate';

/** What docs/api.md §8.1 (revision 2) says a ZIP of each format holds, checked on its entries. */
export interface ZipFacts {
  /** The dataset's images in the export (none filtered out). */
  imageCount: number;
  classNames: string[];
}

export function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

const text = (files: Record<string, Uint8Array>, name: string): string => {
  const file = files[name];
  if (!file) throw new Error(`${name} is missing from the ZIP`);
  return strFromU8(file);
};

/** Problems with a ZIP's layout, in words; empty when it is as the contract says. */
export function layoutProblems(format: string, files: Record<string, Uint8Array>, facts: ZipFacts): string[] {
  const names = Object.keys(files);
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(names.join('\n') === sorted.join('\n'), 'entries are sorted by path');
  const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
  switch (format) {
    case 'pictograph':
      expect(
        names.every((n) => /^annotations\/.+\.json$/.test(n)),
        'only annotations/<rel>.json',
      );
      expect(names.length === facts.imageCount, `one file per image (${names.length} for ${facts.imageCount})`);
      break;
    case 'coco': {
      expect(names.join() === 'annotations/instances_default.json', 'only annotations/instances_default.json');
      const coco = JSON.parse(text(files, 'annotations/instances_default.json')) as {
        images: unknown[];
        categories: { id: number; name: string }[];
      };
      expect(coco.images.length === facts.imageCount, 'every image listed');
      expect(coco.categories.map((c) => c.name).join() === facts.classNames.join(), 'categories in class order');
      expect(
        coco.categories.every((c, i) => c.id === i + 1),
        'category ids are index + 1',
      );
      break;
    }
    case 'yolo': {
      const yaml = text(files, 'data.yaml');
      for (const line of ['path: .', 'train: images/train', 'val: images/train', `nc: ${facts.classNames.length}`]) {
        expect(yaml.split('\n').includes(line), `data.yaml has "${line}"`);
      }
      const namesLine = yaml.split('\n').find((line) => line.startsWith('names: ')) ?? 'names: null';
      expect(
        JSON.stringify(JSON.parse(namesLine.slice('names: '.length))) === JSON.stringify(facts.classNames),
        'data.yaml names the classes in order',
      );
      expect(
        names.filter((n) => n !== 'data.yaml').every((n) => /^labels\/train\/.+\.txt$/.test(n)),
        'labels/train/*.txt',
      );
      expect(count(/^labels\/train\//) === facts.imageCount, 'a label file per image');
      break;
    }
    case 'pascal_voc': {
      const listed = text(files, 'ImageSets/Main/default.txt').split('\n').filter(Boolean);
      expect(listed.length === facts.imageCount, 'ImageSets/Main/default.txt lists every image');
      const labelmap = text(files, 'labelmap.txt').split('\n');
      expect(labelmap[0] === '# label:color_rgb:parts:actions', 'labelmap.txt header');
      expect(labelmap[1] === 'background:0,0,0::', 'labelmap.txt background');
      expect(count(/^Annotations\/.+\.xml$/) === facts.imageCount, 'an Annotations/<stem>.xml per image');
      break;
    }
    case 'labelme': {
      expect(
        names.every((n) => n.endsWith('.json')),
        'only <stem>.json',
      );
      expect(names.length === facts.imageCount, 'one JSON per image');
      const [first] = names;
      if (first) expect((JSON.parse(text(files, first)) as { version: string }).version === '5.2.1', 'labelme 5.2.1');
      break;
    }
    case 'cvat':
      expect(names.join() === 'annotations.xml', 'only annotations.xml');
      expect(text(files, 'annotations.xml').includes('<version>1.1</version>'), 'CVAT for images 1.1');
      expect((text(files, 'annotations.xml').match(/<image /g) ?? []).length === facts.imageCount, 'every image');
      break;
    case 'csv':
      expect(names.join() === 'annotations.csv', 'only annotations.csv');
      expect(
        text(files, 'annotations.csv').startsWith('filename,width,height,class,xmin,ymin,xmax,ymax\n'),
        'the CSV header',
      );
      break;
    default:
      problems.push(`unknown format ${format}`);
  }
  return problems;
}
