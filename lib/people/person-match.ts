import { LRUCache } from "lru-cache";
import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;

/** A Chinese name's pinyin, whole ("wangxiaoming") and by initials ("wxm"); kept, since the same names come up search after search. */
const spelled = new LRUCache<string, { whole: string; initials: string }>({ max: 20_000 });

function pinyinOf(name: string): { whole: string; initials: string } {
  let known = spelled.get(name);
  if (!known) {
    const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "removed" }).map((s) => s.toLowerCase());
    known = { whole: syllables.join(""), initials: syllables.map((s) => s[0] ?? "").join("") };
    spelled.set(name, known);
  }
  return known;
}

export interface Findable {
  name: string;
  number: string | null;
  account: string | null;
}

/**
 * Whether a person matches what was typed: part of the name, the account or the number (digits
 * alone, so "+86 138" finds "+8613800..."), and for a Chinese name its pinyin, whole or by
 * initials, with or without spaces ("wang" and "wang xiao" find 王小明, so does "wxm").
 */
export function personMatcher(typed: string): (p: Findable) => boolean {
  const q = typed.trim().toLowerCase();
  const compact = q.replace(/\s+/g, "");
  const digits = q.replace(/[^\d]/g, "");
  const latin = /^[a-z\s]+$/.test(q);
  return (p) => {
    if (p.name.toLowerCase().includes(q)) return true;
    if (p.account?.toLowerCase().includes(q)) return true;
    if (digits.length >= 3 && digits.length === q.replace(/[\s+\-()]/g, "").length && p.number?.replace(/[^\d]/g, "").includes(digits)) return true;
    if (!latin || !HAN.test(p.name)) return false;
    const { whole, initials } = pinyinOf(p.name);
    return whole.includes(compact) || initials.includes(compact);
  };
}
