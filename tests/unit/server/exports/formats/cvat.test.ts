import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cvatFormat } from '../../../../../server/exports/formats/cvat';
import { sampleContext, textEntries } from '../sampleExport';

describe('cvat export format', () => {
  it('writes CVAT for images 1.1 with 2-decimal coordinates and escaped names', async () => {
    const files = await textEntries(cvatFormat.entries(sampleContext()));
    expect(files).toEqual({
      'annotations.xml': [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<annotations>',
        '  <version>1.1</version>',
        '  <meta>',
        '    <task>',
        '      <name>Q1 &lt;review&gt; &amp; "fixes"</name>',
        '      <size>3</size>',
        '      <labels>',
        '        <label>',
        '          <name>car</name>',
        '          <color>#e6194b</color>',
        '        </label>',
        '        <label>',
        '          <name>road</name>',
        '          <color>#3cb44b</color>',
        '        </label>',
        '        <label>',
        '          <name>lane</name>',
        '          <color>#ffe119</color>',
        '        </label>',
        '        <label>',
        '          <name>head</name>',
        '          <color>#4363d8</color>',
        '        </label>',
        '        <label>',
        '          <name>sign &lt;"A&amp;B"&gt;, big</name>',
        '          <color>#f58231</color>',
        '        </label>',
        '      </labels>',
        '    </task>',
        '  </meta>',
        '  <image id="0" name="day/a.jpg" width="100" height="50">',
        '    <box label="car" occluded="0" xtl="10.00" ytl="5.00" xbr="30.00" ybr="15.00" z_order="0"/>',
        '    <polygon label="road" occluded="0" points="0.00,0.00;10.00,0.00;10.00,10.00;0.00,10.00" z_order="0"/>',
        '    <polyline label="lane" occluded="0" points="1.00,2.00;5.00,6.00;9.00,2.00" z_order="0"/>',
        '    <points label="head" occluded="0" points="3.50,4.25" z_order="0"/>',
        '    <box label="sign &lt;&quot;A&amp;B&quot;&gt;, big" occluded="0" xtl="0.40" ytl="0.60" xbr="2.60" ybr="3.90" z_order="0"/>',
        '  </image>',
        '  <image id="1" name="b.png" width="0" height="0">',
        '    <box label="car" occluded="0" xtl="1.00" ytl="1.00" xbr="3.00" ybr="3.00" z_order="0"/>',
        '  </image>',
        '  <image id="2" name="night/deep/c.d.jpeg" width="200" height="100">',
        '    <polygon label="road" occluded="0" points="20.00,10.00;120.00,10.00;70.00,60.00" z_order="0"/>',
        '  </image>',
        '</annotations>',
        '',
      ].join('\n'),
    });
  });

  it('parses back: labels, shapes per image and the escaped attribute', async () => {
    const xml = (await textEntries(cvatFormat.entries(sampleContext())))['annotations.xml']!;
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['image', 'box', 'polygon', 'label'].includes(name),
    });
    const doc = parser.parse(xml) as { annotations: { image: { name: string; box?: { label: string }[] }[] } };
    const images = doc.annotations.image;
    expect(images.map((image) => image.name)).toEqual(['day/a.jpg', 'b.png', 'night/deep/c.d.jpeg']);
    expect(images[0]!.box!.map((box) => box.label)).toEqual(['car', 'sign <"A&B">, big']);
  });

  it('writes an image without shapes as an empty element', async () => {
    const context = sampleContext();
    const xml = (
      await textEntries(cvatFormat.entries({ ...context, images: [{ ...context.images[1]!, annotations: [] }] }))
    )['annotations.xml']!;
    expect(xml).toContain('  <image id="0" name="b.png" width="0" height="0"/>\n</annotations>\n');
  });
});
