/**
 * Photos are shrunk in the browser before upload: a phone's 12-megapixel photo (4–8 MB) becomes a JPEG of
 * at most 1600 px a side (a few hundred KB), which is plenty to see a broken manhole cover and uploads on a
 * weak mobile connection. Drawing through a canvas also drops the EXIF block — the camera's GPS position and
 * device data never leave the phone; the browser applies the EXIF orientation while decoding.
 */

export const PHOTO_MAX_SIDE_PX = 1600;
export const PHOTO_JPEG_QUALITY = 0.8;
/** The server's limit; a re-encode at lower quality if a (very noisy) photo still exceeds it. */
const SERVER_MAX_BYTES = 3 * 1024 * 1024;

/** The size that fits inside max × max with the same aspect ratio; never enlarged. */
export function fitWithin(width: number, height: number, max: number = PHOTO_MAX_SIDE_PX): { width: number; height: number } {
  if (width <= 0 || height <= 0) throw new Error("an image needs a positive size");
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export type ResizedPhoto = { blob: Blob; width: number; height: number };

/** Decodes the picked file, scales it to fit 1600 px and encodes a JPEG (~0.8). Rejects what the browser cannot decode. */
export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext("2d", { alpha: false });
    if (!context) throw new Error("no 2d canvas");
    // JPEG has no transparency: a PNG's transparent parts become white, not black.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    let blob = await toJpeg(canvas, PHOTO_JPEG_QUALITY);
    if (blob.size > SERVER_MAX_BYTES) blob = await toJpeg(canvas, 0.6);
    return { blob, ...size };
  } finally {
    bitmap.close();
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas.toBlob failed"))), "image/jpeg", quality),
  );
}
