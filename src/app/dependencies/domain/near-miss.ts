/*
 * Tags that are almost the wanted one: the mistakes a mirror makes when a tag is retyped or
 * re-derived (v1.6.0 pushed as 1.6.0, + written _ or kept, a different build suffix). The checking
 * code shows them next to a missing image, so the fix is a retag, not a new copy.
 */

/** The existing tags that are near misses of wanted, in their order, never wanted itself. */
export function nearMissTags(wanted: string, existing: readonly string[]): string[] {
  const wantedSpelling = spelling(wanted);
  const wantedCore = coreVersion(wanted);
  const seen = new Set<string>();
  return existing.filter((tag) => {
    if (tag === wanted || seen.has(tag)) {
      return false;
    }
    seen.add(tag);
    return spelling(tag) === wantedSpelling || (wantedCore !== undefined && coreVersion(tag) === wantedCore);
  });
}

/** Case, a leading v and the + that registries store as _ do not make a different version. */
function spelling(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/^v(?=\d)/, '')
    .replace(/\+/g, '_');
}

/** The dotted version a tag starts with (v1.26.8_vmware.1 → 1.26.8); absent for tags like latest. */
function coreVersion(tag: string): string | undefined {
  return /^v?(\d+(?:\.\d+)+)(?![\d.])/i.exec(tag)?.[1];
}
