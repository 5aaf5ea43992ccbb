/** A request for image bytes from the renderer, by the URL `media:url` handed out. */
export interface MediaRequest {
  url: string;
  headers: Record<string, string>;
}

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** What the app:// protocol (Electron) and the harness's /media/ route call for every media URL. */
export type ResolveMedia = (request: MediaRequest) => Promise<MediaResponse>;
