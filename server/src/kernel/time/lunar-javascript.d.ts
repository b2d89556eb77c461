/**
 * The small part of lunar-javascript (1.7.x, CommonJS, no bundled types) that the
 * statutory-holiday computation uses.
 */
declare module "lunar-javascript" {
  interface LunarSolar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  interface LunarDate {
    getSolar(): LunarSolar;
    /** Solar terms keyed by their Chinese name (清明 …) and a few pinyin keys. */
    getJieQiTable(): Record<string, LunarSolar>;
  }
  const lunarJavascript: {
    Lunar: {
      /** Lunar year, month (negative = leap month), day. */
      fromYmd(year: number, month: number, day: number): LunarDate;
    };
  };
  export default lunarJavascript;
}
