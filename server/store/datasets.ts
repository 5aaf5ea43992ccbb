import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface DatasetClassRecord {
  name: string;
  color: string;
  type?: string;
}

export interface DatasetRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  annotation_types: string[];
  classes: DatasetClassRecord[];
  created_at: string;
  updated_at: string;
}

export interface DatasetCounts {
  image_count: number;
  completed_image_count: number;
  annotation_count: number;
}

type SqlRow = Record<string, unknown>;

function toDataset(row: SqlRow): DatasetRow {
  return {
    id: row.id as string,
    name: row.name as string,
    slug: row.slug as string,
    description: (row.description as string | null) ?? null,
    annotation_types: JSON.parse(row.annotation_types as string) as string[],
    classes: JSON.parse(row.classes as string) as DatasetClassRecord[],
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

/** Datasets are read-only over the API (contract §7.1); only the seed inserts them. */
export class DatasetRepository {
  private readonly byId: StatementSync;
  private readonly bySlug: StatementSync;
  private readonly byName: StatementSync;
  private readonly page: StatementSync;
  private readonly total: StatementSync;
  private readonly counts: StatementSync;
  private readonly touchStmt: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly slugsStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.byId = db.prepare('SELECT * FROM datasets WHERE id = ?');
    this.bySlug = db.prepare('SELECT * FROM datasets WHERE slug = ?');
    this.byName = db.prepare('SELECT * FROM datasets WHERE name = ?');
    this.page = db.prepare('SELECT * FROM datasets ORDER BY name, id LIMIT ? OFFSET ?');
    this.total = db.prepare('SELECT count(*) AS n FROM datasets');
    this.counts = db.prepare(
      `SELECT count(*) AS images,
              coalesce(sum(status = 'complete'), 0) AS completed,
              coalesce(sum(annotation_count), 0) AS annotations
         FROM images WHERE dataset_id = ? AND is_archived = 0`,
    );
    this.touchStmt = db.prepare('UPDATE datasets SET updated_at = ? WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO datasets (id, name, slug, description, annotation_types, classes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.slugsStmt = db.prepare('SELECT slug FROM datasets');
  }

  get(id: string): DatasetRow | undefined {
    const row = this.byId.get(id) as SqlRow | undefined;
    return row ? toDataset(row) : undefined;
  }

  /** `dataset_name` in export requests matches an exact slug first, then an exact name (§8). */
  findBySlugOrName(value: string): DatasetRow | undefined {
    const row = (this.bySlug.get(value) ?? this.byName.get(value)) as SqlRow | undefined;
    return row ? toDataset(row) : undefined;
  }

  list(limit: number, offset: number): DatasetRow[] {
    return (this.page.all(limit, offset) as SqlRow[]).map(toDataset);
  }

  count(): number {
    return Number((this.total.get() as SqlRow).n);
  }

  countsFor(id: string): DatasetCounts {
    const row = this.counts.get(id) as SqlRow;
    return {
      image_count: Number(row.images),
      completed_image_count: Number(row.completed),
      annotation_count: Number(row.annotations),
    };
  }

  touch(id: string, at: string): void {
    this.touchStmt.run(at, id);
  }

  takenSlugs(): Set<string> {
    return new Set((this.slugsStmt.all() as SqlRow[]).map((r) => r.slug as string));
  }

  insert(row: DatasetRow): void {
    this.insertStmt.run(
      row.id,
      row.name,
      row.slug,
      row.description,
      JSON.stringify(row.annotation_types),
      JSON.stringify(row.classes),
      row.created_at,
      row.updated_at,
    );
  }
}
