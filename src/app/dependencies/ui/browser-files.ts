/* Copying to the clipboard and saving a text file, the two ways the fixes leave the page. */

/** navigator.clipboard where the page may use it; otherwise a hidden textarea and execCommand. */
export async function copyText(text: string, document: Document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (insecure context, an iframe without permission): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** Offers `text` as a download named `name`, through a Blob and an <a download>. */
export function saveTextFile(name: string, text: string, type: string, document: Document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL is no longer needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
