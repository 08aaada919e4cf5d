/**
 * A name reduced to initials, for screens that visitors can see: "Zhang San" → "Z. S.",
 * "王伟" → "王*". Done on the server, so the full name never reaches such a screen.
 */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  if (/[\u3400-\u9fff]/.test(trimmed[0]!)) return `${trimmed[0]}*`;
  return trimmed
    .split(/\s+/)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(" ");
}
