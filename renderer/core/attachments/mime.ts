/** The MIME type of a file by its extension (images, PDF, text); anything else is octet-stream. */
export function mimeOf(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return (
    (
      {
        png: 'image/png',
        jpg: 'image/jpeg',
        jpeg: 'image/jpeg',
        gif: 'image/gif',
        webp: 'image/webp',
        pdf: 'application/pdf',
        txt: 'text/plain',
        log: 'text/plain',
      } as Record<string, string>
    )[ext] ?? 'application/octet-stream'
  );
}
