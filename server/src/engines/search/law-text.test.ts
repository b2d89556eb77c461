import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { articleLabel, chineseNumber, parseLaw } from "./law-text.ts";

const LAWS = fileURLToPath(new URL("../../../laws/", import.meta.url));

describe("Chinese numerals", () => {
  it("reads article numbers", () => {
    expect(chineseNumber("一")).toBe(1);
    expect(chineseNumber("十")).toBe(10);
    expect(chineseNumber("十五")).toBe(15);
    expect(chineseNumber("六十三")).toBe(63);
    expect(chineseNumber("一百")).toBe(100);
    expect(chineseNumber("一百零二")).toBe(102);
    expect(chineseNumber("二百一十")).toBe(210);
    expect(chineseNumber("三百零六")).toBe(306);
    expect(chineseNumber("x")).toBeNull();
  });

  it("writes them back", () => {
    for (const n of [1, 10, 15, 63, 100, 102, 110, 210, 306]) {
      expect(chineseNumber(articleLabel(n).slice(1, -1))).toBe(n);
    }
    expect(articleLabel(63)).toBe("第六十三条");
    expect(articleLabel(110)).toBe("第一百一十条");
  });
});

describe("law files", () => {
  it("the penalty law: 86 articles in order, art. 63 on hearings with its paragraphs", () => {
    const law = parseLaw(readFileSync(`${LAWS}行政处罚法(2021-01-22).md`, "utf8"));
    expect(law.title).toBe("中华人民共和国行政处罚法");
    expect(law.articles).toHaveLength(86);
    const a63 = law.articles.find((a) => a.no === 63);
    expect(a63?.label).toBe("第六十三条");
    expect(a63?.chapter).toContain("第五章");
    expect(a63?.text).toContain("听证");
    expect(a63?.text).toContain("（一）");
  });

  it("every file: articles numbered 1…n without gaps", () => {
    for (const f of readdirSync(LAWS).filter((x) => x.endsWith(".md"))) {
      const law = parseLaw(readFileSync(`${LAWS}${f}`, "utf8"));
      expect(law.articles.length, f).toBeGreaterThan(5);
      for (const [i, a] of law.articles.entries()) expect(a.no, `${f} ${a.label}`).toBe(i + 1);
    }
  });
});
