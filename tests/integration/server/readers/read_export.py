"""Reads an unzipped pictograph-local export the way the usual tools do, and prints a JSON summary.

    python3 read_export.py <coco|yolo|pascal_voc> <dir>

Only the standard library and PyYAML (Debian python3-yaml) are used, following each tool's own
reading steps: Ultralytics (yaml.safe_load of data.yaml, `path` + `train`/`val`, image→label path
by swapping /images/ for /labels/, a file with any line longer than 5 values read as segments),
Datumaro's VOC reader (ImageSets/Main/<subset>.txt, labelmap.txt, Annotations/<stem>.xml through
ElementTree) and pycocotools' loading of instances_*.json and its RLE decoding (column-major runs
starting with background). Any departure raises, so the process exits non-zero with the reason.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

import yaml


def fail(message):
    raise SystemExit(f"reader: {message}")


def read_coco(root):
    path = os.path.join(root, "annotations", "instances_default.json")
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    images = {image["id"]: image for image in data["images"]}
    categories = {category["id"]: category["name"] for category in data["categories"]}
    out = []
    for ann in data["annotations"]:
        image = images[ann["image_id"]]
        if ann["category_id"] not in categories:
            fail(f"annotation {ann['id']} has unknown category {ann['category_id']}")
        seg = ann["segmentation"]
        entry = {"id": ann["id"], "file_name": image["file_name"], "area": ann["area"]}
        if isinstance(seg, dict):
            height, width = seg["size"]
            if (height, width) != (image["height"], image["width"]):
                fail(f"RLE size {seg['size']} is not the image's {image['height']}x{image['width']}")
            counts = seg["counts"]
            if sum(counts) != height * width:
                fail(f"RLE counts cover {sum(counts)} pixels, not {height * width}")
            entry["kind"] = "rle"
            # pycocotools' area(): the sum of the foreground (odd) runs
            entry["pixels"] = sum(counts[1::2])
        elif seg == []:
            entry["kind"] = "box"
        else:
            if any(len(ring) < 6 or len(ring) % 2 for ring in seg):
                fail(f"annotation {ann['id']} has a polygon list pycocotools cannot read")
            entry["kind"] = "polygon"
            entry["rings"] = len(seg)
        out.append(entry)
    return {"images": len(images), "categories": len(categories), "annotations": out}


def read_yolo(root):
    with open(os.path.join(root, "data.yaml"), encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    base = os.path.normpath(os.path.join(root, data["path"]))
    names = data["names"]
    if data["nc"] != len(names):
        fail(f"nc {data['nc']} but {len(names)} names")
    for split in ("train", "val"):
        if not os.path.isdir(os.path.join(base, data[split])):
            fail(f"{split} folder {data[split]} is missing")
    images_dir = os.path.join(base, data["train"])
    files = {}
    for folder, _dirs, names_in in os.walk(images_dir):
        for name in names_in:
            image_path = os.path.join(folder, name)
            sep = os.sep
            # Ultralytics img2label_paths: the last /images/ becomes /labels/, the suffix .txt
            head, tail = image_path.rsplit(f"{sep}images{sep}", 1)
            label_path = os.path.splitext(f"{head}{sep}labels{sep}{tail}")[0] + ".txt"
            if not os.path.isfile(label_path):
                fail(f"no label file for {image_path}")
            with open(label_path, encoding="utf-8") as handle:
                rows = [line.split() for line in handle.read().splitlines() if line.strip()]
            segments = any(len(row) > 6 for row in rows)
            for row in rows:
                cls = int(row[0])
                if not 0 <= cls < len(names):
                    fail(f"class {cls} out of range in {label_path}")
                if segments and (len(row) - 1) % 2:
                    fail(f"odd coordinate count in {label_path}")
                if not segments and len(row) != 5:
                    fail(f"box line of {len(row)} values in {label_path}")
            rel = os.path.relpath(image_path, images_dir)
            files[rel] = {"lines": len(rows), "segments": segments, "mixed": segments and any(len(r) == 5 for r in rows)}
    return {"names": names, "files": files}


def read_voc(root):
    labels = []
    with open(os.path.join(root, "labelmap.txt"), encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, color, _parts, _actions = line.split(":")
            labels.append({"name": name, "color": [int(v) for v in color.split(",")]})
    known = {label["name"] for label in labels}
    with open(os.path.join(root, "ImageSets", "Main", "default.txt"), encoding="utf-8") as handle:
        stems = [line.strip() for line in handle if line.strip()]
    items = {}
    for stem in stems:
        tree = ET.parse(os.path.join(root, "Annotations", f"{stem}.xml"))
        node = tree.getroot()
        filename = node.findtext("filename")
        if not os.path.isfile(os.path.join(root, "JPEGImages", filename)):
            fail(f"JPEGImages/{filename} is missing")
        objects = []
        for obj in node.iter("object"):
            name = obj.findtext("name")
            if name not in known:
                fail(f"{stem}: class {name!r} is not in labelmap.txt")
            box = obj.find("bndbox")
            objects.append([name] + [int(box.findtext(k)) for k in ("xmin", "ymin", "xmax", "ymax")])
        items[stem] = {"filename": filename, "objects": objects}
    return {"labels": labels, "items": items}


if __name__ == "__main__":
    kind, directory = sys.argv[1], sys.argv[2]
    reader = {"coco": read_coco, "yolo": read_yolo, "pascal_voc": read_voc}[kind]
    print(json.dumps(reader(directory)))
