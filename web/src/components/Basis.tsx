/**
 * A legal basis as a user reads it. Declarations state their basis structurally (law,
 * article, paragraph, item, version — server/src/kernel/citation.ts `Basis`); the server
 * sends it in the one Chinese form (《中华人民共和国行政处罚法》第六十条) — `DeclaredBasis`
 * for a setting, whose English form and maintainers' note come beside it. `Basis` shows a
 * basis that arrives as text (a clock's, a local rule typed by the office): text already
 * in Chinese form as it is, older text in the maintainers' form ("行政处罚法(2021) art. 60
 * [R]") through the same renderer; the English switch shows it without the notes.
 */
import { Tooltip } from "antd";
import { citeEn, citeZh } from "../../../server/src/kernel/citation.ts";
import { useI18n } from "../i18n.ts";

/** The basis in the language shown: the Chinese citation, or the text without notes. */
export function useCite(): (basis: string | null | undefined) => string {
  const { lang } = useI18n();
  return (basis) => {
    if (!basis) return "";
    if (lang === "en") return citeEn(basis);
    // A basis citing no article (a local document's name, typed by the office) is shown
    // as written, without the maintainers' notes.
    return citeZh(basis) || citeEn(basis);
  };
}

export function Basis({ basis }: { basis: string | null | undefined }) {
  const cite = useCite();
  if (!basis) return <>—</>;
  return (
    <Tooltip title={basis} mouseEnterDelay={0.6}>
      <span data-basis>{cite(basis)}</span>
    </Tooltip>
  );
}

/** A declared basis the server rendered (its Chinese form and English), the maintainers' note in the tooltip. */
export function DeclaredBasis({
  basis,
  note,
}: {
  basis: { zh: string; en: string };
  note?: string;
}) {
  const { lang } = useI18n();
  const text = (lang === "en" ? basis.en : basis.zh) || basis.zh || basis.en;
  if (!text) return <>—</>;
  return (
    <Tooltip title={note || undefined} mouseEnterDelay={0.6}>
      <span data-basis>{text}</span>
    </Tooltip>
  );
}
