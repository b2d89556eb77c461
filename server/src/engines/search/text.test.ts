import { describe, expect, it } from "vitest";
import { escapeHtml, parseQuery, runsOf, snippetOf, tsvectorOf } from "./text.ts";

describe("tokens", () => {
  it("indexes CJK runs as bigrams at consecutive positions, the last character, and words", () => {
    const v = tsvectorOf([{ text: "法治政府", weight: "D" }]);
    expect(v).toContain("'法治':1");
    expect(v).toContain("'治政':2");
    expect(v).toContain("'政府':3");
    expect(v).toContain("'府':3");
    expect(v).toMatch(/'政府':3(,\d+)?/);
  });

  it("keeps Latin words and digits whole, lower-cased, full-width folded", () => {
    const v = tsvectorOf([{ text: "ＡＢＣ-12号", weight: "A" }]);
    expect(v).toContain("'abc':1A");
    expect(v).toContain("'12':2A");
  });

  it("quotes lexemes with quotes and backslashes", () => {
    const v = tsvectorOf([{ text: "it's", weight: "D" }]);
    expect(v).toBe("'it':1 's':2");
    expect(parseQuery("a'b").tsquery).toBe("'a' & 'b'");
  });

  it("splits runs of different scripts", () => {
    expect(runsOf([..."第63条abc"]).map((r) => r.text)).toEqual(["第", "63", "条", "abc"]);
  });
});

describe("queries", () => {
  it("a CJK term is the phrase of its bigrams; spaces are and", () => {
    const q = parseQuery("行政处罚 听证");
    expect(q.tsquery).toBe("'行政' <-> '政处' <-> '处罚' & '听证'");
    expect(q.terms).toEqual(["行政处罚", "听证"]);
    expect(q.rankQuery).toContain("'行政'");
  });

  it("a two-character query is one lexeme (the GIN index serves it)", () => {
    expect(parseQuery("法治").tsquery).toBe("'法治'");
  });

  it("a single character is a prefix query", () => {
    expect(parseQuery("法").tsquery).toBe("'法':*");
  });

  it("punctuation only gives nothing to search", () => {
    expect(parseQuery("%_ ，。").tsquery).toBe("");
  });
});

describe("snippets", () => {
  it("marks the matches and escapes the rest", () => {
    const s = snippetOf("<b>当事人</b>要求听证的，行政机关应当组织听证", ["听证"], 80);
    expect(s).toBe(
      "&lt;b&gt;当事人&lt;/b&gt;要求<mark>听证</mark>的，行政机关应当组织<mark>听证</mark>",
    );
  });

  it("centres on the window with the most distinct terms", () => {
    const text = `${"甲".repeat(200)}行政处罚${"乙".repeat(10)}听证${"丙".repeat(200)}`;
    const s = snippetOf(text, ["行政处罚", "听证"], 40);
    expect(s.startsWith("…")).toBe(true);
    expect(s).toContain("<mark>行政处罚</mark>");
    expect(s).toContain("<mark>听证</mark>");
  });

  it("matches full-width text by its normalised form", () => {
    expect(snippetOf("编号ＡＢＣ", ["abc"])).toBe("编号<mark>ＡＢＣ</mark>");
  });

  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});
