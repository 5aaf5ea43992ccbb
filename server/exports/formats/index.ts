import type { ExportFormat as ExportFormatName } from '../../../shared/api/export';
import type { ExportFormat } from '../types';
import { cocoFormat } from './coco';
import { csvFormat } from './csv';
import { cvatFormat } from './cvat';
import { labelmeFormat } from './labelme';
import { pascalVocFormat } from './pascal_voc';
import { pictographFormat } from './pictograph';
import { yoloFormat } from './yolo';

/** One writer per §8 format name; the record type makes a missing format a compile error. */
export const EXPORT_FORMAT_WRITERS: Readonly<Record<ExportFormatName, ExportFormat>> = {
  pictograph: pictographFormat,
  coco: cocoFormat,
  yolo: yoloFormat,
  pascal_voc: pascalVocFormat,
  labelme: labelmeFormat,
  cvat: cvatFormat,
  csv: csvFormat,
};

export function formatWriter(format: string): ExportFormat | undefined {
  return Object.hasOwn(EXPORT_FORMAT_WRITERS, format) ? EXPORT_FORMAT_WRITERS[format as ExportFormatName] : undefined;
}
