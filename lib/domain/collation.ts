/** Names and subjects as people read them: Chinese by pinyin, Latin without regard to case, numbers as numbers. */
export const nameCollator = new Intl.Collator(["zh-CN", "en"], { numeric: true, sensitivity: "base" });
