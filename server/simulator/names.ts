import type { Random } from "./random";

const LATIN_FIRST = [
  "Alice", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "James", "Kenji", "Lena",
  "Marco", "Nadia", "Oscar", "Priya", "Quinn", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Wei", "Xavier",
  "Yusuf", "Zoe", "Amelia", "Bruno", "Chloe", "Diego", "Emma", "Felix", "Hannah", "Ivan", "Julia", "Luca",
];
const LATIN_LAST = [
  "Martin", "Schmidt", "Rossi", "Garcia", "Novak", "Okafor", "Silva", "Dubois", "Kowalski", "Jensen",
  "Tanaka", "Haddad", "Moreau", "Fischer", "Costa", "Nguyen", "Patel", "Andersen", "Weber", "Lopez",
];
const CHINESE_SURNAME = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"];
const CHINESE_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "志强", "晓东", "雨桐", "子涵", "浩然", "欣怡"];
const PINYIN: Record<string, string> = {
  王: "wang", 李: "li", 张: "zhang", 刘: "liu", 陈: "chen", 杨: "yang", 黄: "huang", 赵: "zhao", 吴: "wu",
  周: "zhou", 徐: "xu", 孙: "sun", 马: "ma", 朱: "zhu", 胡: "hu", 郭: "guo", 何: "he", 林: "lin",
};

export const DEPARTMENTS = ["Engineering", "Sales", "Finance", "Operations", "Marketing", "Legal", "研发部", "市场部", "IT"];

export const SUBJECTS = [
  "Weekly sync", "Sprint planning", "Customer escalation", "Design review", "Board prep", "Quarterly business review",
  "Incident retro", "Hiring panel", "Budget review", "Partner onboarding", "Release go/no-go", "1:1",
  "项目周会", "季度总结会", "产品评审", "客户交流会", "技术分享", "Security briefing", "Town hall rehearsal",
];

export interface PersonName {
  name: string;
  account: string;
}

/** A person's display name and a plausible account handle, Latin or Chinese. */
export function randomPerson(rng: Random): PersonName {
  if (rng.chance(0.4)) {
    const surname = rng.pick(CHINESE_SURNAME);
    const given = rng.pick(CHINESE_GIVEN);
    return { name: `${surname}${given}`, account: `${PINYIN[surname]}.${rng.alnum(4)}` };
  }
  const first = rng.pick(LATIN_FIRST);
  const last = rng.pick(LATIN_LAST);
  return { name: `${first} ${last}`, account: `${first}.${last}`.toLowerCase() };
}

/** A number as Huawei's examples show them ("+991116003815"). */
export function phoneNumber(rng: Random): string {
  return `+99111${rng.digits(7)}`;
}

/** Huawei masks the middle of numbers in realTimeInfo and invitee summaries ("+99111****815"). */
export function masked(number: string): string {
  return number.length > 9 ? `${number.slice(0, 6)}****${number.slice(-3)}` : number;
}
