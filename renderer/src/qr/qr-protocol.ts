/** A request to the QR worker: one image (a Blob is cheap to post; its bytes are not copied). */
export interface QrRequest {
  readonly id: number;
  /** Absent for a warm-up: the worker only loads its decoder. */
  readonly image?: Blob;
}

/** Why an image gave no texts, in words the import review can show. */
export type QrFailure = 'not-an-image' | 'too-large' | 'failed';

/** The worker's answer; `texts` is every QR code found (possibly none). Times in milliseconds. */
export type QrResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly texts: readonly string[];
      readonly width: number;
      readonly height: number;
      /** Source pixels before any downscaling. */
      readonly sourcePixels: number;
      readonly decodeMs: number;
      readonly totalMs: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly failure: QrFailure;
      readonly detail: string;
    };
