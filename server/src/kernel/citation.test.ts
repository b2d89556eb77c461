import { describe, expect, it } from "vitest";
import {
  type Basis,
  basisEn,
  basisNote,
  basisText,
  basisZh,
  chineseNumeral,
  citeEn,
  citeZh,
  joinBasis,
  parseCitations,
  renderCitationsEn,
  renderCitationsZh,
} from "./citation.ts";

describe("legal citations in Chinese form", () => {
  it("numbers articles as the law writes them", () => {
    expect([1, 10, 12, 20, 64, 100, 103, 110, 124].map(chineseNumeral)).toEqual([
      "一",
      "十",
      "十二",
      "二十",
      "六十四",
      "一百",
      "一百零三",
      "一百一十",
      "一百二十四",
    ]);
  });

  it("cites article, paragraph and item with the law's full title", () => {
    expect(citeZh("行政处罚法(2021) art. 67 para. 3: 收到决定书之日起十五日内缴纳")).toBe(
      "《中华人民共和国行政处罚法》第六十七条第三款",
    );
    expect(citeZh("行政处罚法(2021) art. 64 (一): 告知后五日内提出; art. 85: 工作日")).toBe(
      "《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条",
    );
    expect(citeZh("行政强制法 art. 18 (二)(三): 两名以上行政执法人员实施")).toBe(
      "《中华人民共和国行政强制法》第十八条第（二）项、第（三）项",
    );
    expect(citeZh("行政处罚法(2017) art. 42 para. 1 (一): 告知后三日内提出 [R]")).toBe(
      "《中华人民共和国行政处罚法》（2017年修正）第四十二条第一款第（一）项",
    );
  });

  it("cites several laws in order, an article without a law taking the one before", () => {
    expect(
      citeZh(
        "行政处罚法(2017) art. 51 (一): 每日加处 [R]; 行政强制法 art. 45 para. 2: 不得超出罚款数额 [P]",
      ),
    ).toBe(
      "《中华人民共和国行政处罚法》（2017年修正）第五十一条第（一）项；《中华人民共和国行政强制法》第四十五条第二款",
    );
    expect(citeZh("民事诉讼法 arts. 87–95")).toBe(
      "《中华人民共和国民事诉讼法》第八十七条至第九十五条",
    );
  });

  it("keeps a document number when no article is cited, and nothing of the notes", () => {
    expect(citeZh("国办发〔2018〕118号: 7个工作日 [S]")).toBe("国办发〔2018〕118号");
    expect(citeZh("no citation here")).toBe("");
    expect(basisZh("no citation here")).toBe("");
    expect(basisZh("行政处罚法(2021) art. 62")).toBe(
      "（依据《中华人民共和国行政处罚法》第六十二条）",
    );
  });

  it("the English form drops the maintainers' source markers", () => {
    expect(citeEn("行政处罚法(2017) art. 41 [R]")).toBe("行政处罚法(2017) art. 41");
  });

  it("parses a basis into structured citations and renders them back", () => {
    const cs = parseCitations("行政处罚法(2021) art. 67 para. 3: 收到决定书之日起十五日内缴纳 [R]");
    expect(cs).toEqual([{ law: "行政处罚法", version: "2021", article: 67, paragraph: 3 }]);
    expect(renderCitationsZh(cs)).toBe("《中华人民共和国行政处罚法》第六十七条第三款");
    expect(renderCitationsEn(cs)).toBe("行政处罚法 (2021) art. 67 para. 3");
    expect(parseCitations("行政强制法 art. 18 (二)(三)")).toEqual([
      { law: "行政强制法", article: 18, item: 2 },
      { law: "行政强制法", article: 18, item: 3 },
    ]);
    expect(parseCitations("民事诉讼法 arts. 87–95")).toEqual([
      { law: "民事诉讼法", article: 87, articleTo: 95 },
    ]);
  });

  it("renders a structured citation without a parser, old versions with their year", () => {
    expect(
      renderCitationsZh([
        { law: "行政处罚法", article: 58, paragraph: 1, item: 1 },
        { law: "民事诉讼法", version: "2017", article: 92 },
      ]),
    ).toBe(
      "《中华人民共和国行政处罚法》第五十八条第一款第（一）项；《中华人民共和国民事诉讼法》（2017年修正）第九十二条",
    );
    expect(citeZh("(setting enforcement.publication_term) [I]")).toBe("");
    expect(citeZh("GB/T 22239-2019 8.1.4.1 d (level 3): two or more factors")).toBe(
      "GB/T 22239-2019",
    );
  });
});

describe("a basis declared structurally (issue 11)", () => {
  const payment: Basis = {
    cites: [{ law: "行政处罚法", version: "2021", article: 67, paragraph: 3 }],
    note: "行政处罚法(2021) art. 67 para. 3: 十五日内缴纳 [P]",
  };
  const publication: Basis = {
    cites: [{ law: "市场监督管理行政处罚信息公示规定", article: 9 }],
    docs: ["国办发〔2018〕118号"],
  };

  it("renders in the one Chinese form, its documents after it, and in English beside", () => {
    expect(citeZh(payment)).toBe("《中华人民共和国行政处罚法》第六十七条第三款");
    expect(citeEn(payment)).toBe("行政处罚法 (2021) art. 67 para. 3");
    expect(citeZh(publication)).toBe(
      "《市场监督管理行政处罚信息公示规定》第九条；国办发〔2018〕118号",
    );
    expect(basisZh(payment)).toBe("（依据《中华人民共和国行政处罚法》第六十七条第三款）");
    expect(basisEn(payment)).toBe(" (行政处罚法 (2021) art. 67 para. 3)");
  });

  it("keeps the maintainers' note for the office, never in the text", () => {
    expect(basisNote(payment)).toBe("行政处罚法(2021) art. 67 para. 3: 十五日内缴纳 [P]");
    expect(basisNote(publication)).toBe(citeEn(publication));
    expect(citeZh(payment)).not.toMatch(/art\.|\[P\]|十五日/);
  });

  it("joins bases in order, citing a provision once, parsing older text", () => {
    const j = joinBasis(payment, "行政处罚法(2021) art. 67 para. 3; art. 72", publication);
    expect(j.cites).toEqual([
      { law: "行政处罚法", version: "2021", article: 67, paragraph: 3 },
      { law: "行政处罚法", version: "2021", article: 72 },
      { law: "市场监督管理行政处罚信息公示规定", article: 9 },
    ]);
    expect(j.docs).toEqual(["国办发〔2018〕118号"]);
    expect(citeZh(j)).toBe(
      "《中华人民共和国行政处罚法》第六十七条第三款、第七十二条；《市场监督管理行政处罚信息公示规定》第九条；国办发〔2018〕118号",
    );
  });

  it("travels as its Chinese form, which reads back as itself", () => {
    const text = basisText(payment);
    expect(text).toBe("《中华人民共和国行政处罚法》第六十七条第三款");
    expect(citeZh(text)).toBe(text);
    expect(basisText("渝府办发〔2020〕1号 承诺时限")).toBe("渝府办发〔2020〕1号 承诺时限");
  });
});
