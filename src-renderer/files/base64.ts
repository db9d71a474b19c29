/** Bytes per chunk: a multiple of 3, so each chunk encodes to whole base64 quads that can simply be joined. */
const CHUNK = 3 * 8192;

/**
 * Bytes → base64, a chunk at a time: `String.fromCharCode` over a chunk, `btoa`, and one join at the end. Never a
 * string grown one character at a time, and never an argument list as long as the file.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(offset, offset + CHUNK))));
  }
  return parts.join('');
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers a file to the person as a download: Blob, object URL, a click on an `<a download>`, then tidy up. */
export function downloadFile(file: { readonly fileName: string; readonly mimeType: string; readonly contentBase64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a little longer for slow machines, then free the memory.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 30_000);
}
