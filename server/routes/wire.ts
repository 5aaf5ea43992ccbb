import { API_PREFIX } from '../app';
import type { ApiKeyRow } from '../store/apiKeys';
import type { DatasetCounts, DatasetRow } from '../store/datasets';
import type { ExportRow } from '../store/exports';
import type { ImageRow } from '../store/images';

/** Database rows → contract wire objects (field order as in the contract tables). */

export function datasetToWire(row: DatasetRow, counts: DatasetCounts): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    image_count: counts.image_count,
    completed_image_count: counts.completed_image_count,
    annotation_count: counts.annotation_count,
    annotation_types: row.annotation_types,
    classes: row.classes,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function imageToWire(row: ImageRow): Record<string, unknown> {
  return {
    id: row.id,
    dataset_id: row.dataset_id,
    filename: row.filename,
    directory_path: row.directory_path,
    width: row.width,
    height: row.height,
    file_size: row.file_size,
    mime_type: row.mime_type,
    status: row.status,
    annotation_count: row.annotation_count,
    min_confidence: row.min_confidence,
    is_archived: row.is_archived,
    created_at: row.created_at,
    updated_at: row.updated_at,
    thumbnail_url: `${API_PREFIX}/images/${row.id}/thumbnail`,
  };
}

/** Splices stored canonical list JSON into an object's JSON without re-serializing it. */
export function withAnnotationsJson(objectJson: string, listJson: string): string {
  return `${objectJson.slice(0, -1)},"annotations":${listJson}}`;
}

export function exportToWire(row: ExportRow, datasetName: string): Record<string, unknown> {
  return {
    id: row.id,
    dataset_id: row.dataset_id,
    dataset_name: datasetName,
    name: row.name,
    format: row.format,
    include_images: row.include_images,
    class_filter: row.class_filter,
    status_filter: row.status_filter,
    status: row.status,
    error_message: row.error_message,
    file_size: row.file_size,
    image_count: row.image_count,
    annotation_count: row.annotation_count,
    created_at: row.created_at,
    completed_at: row.completed_at,
    expires_at: row.expires_at,
  };
}

export function apiKeyToWire(row: ApiKeyRow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.key_prefix,
    role: row.role,
    rate_limit: row.rate_limit,
    is_active: row.is_active,
    last_used_at: row.last_used_at,
    created_at: row.created_at,
    expires_at: row.expires_at,
  };
}
