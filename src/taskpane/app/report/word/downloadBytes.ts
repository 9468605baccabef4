/**
 * Save bytes as a file from the pane, the way ../../travel/download.ts saves text (a Blob behind a temporary
 * link). That helper takes a string and labels it UTF-8, which would corrupt a binary file such as a .docx,
 * so binary files go through this one.
 */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  // A copy in a plain ArrayBuffer: a Blob takes no view of a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
