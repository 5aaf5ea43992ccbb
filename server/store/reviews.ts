import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Review notes are recorded, never returned (contract §7.2). */
export class ReviewRepository {
  private readonly insertStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.insertStmt = db.prepare(
      'INSERT INTO reviews (image_id, action, note, api_key_id, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  record(imageId: string, action: string, note: string | null, apiKeyId: string, at: string): void {
    this.insertStmt.run(imageId, action, note, apiKeyId, at);
  }
}
