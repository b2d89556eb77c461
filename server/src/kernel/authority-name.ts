/**
 * An authority's full name (发文机关全称, as GB/T 9704 asks of an authority's name and as
 * the public sees it on every decision): the region's full name before the body's own,
 * whether the record writes 区市场监管局, 武隆区城市管理局 or 仙女山街道综合行政执法办公室 —
 * 重庆市武隆区… every time. `area` is the region and the regions above it, outermost first
 * (重庆市, 武隆区).
 */
export function fullNameOf(area: readonly string[], name: string): string {
  const full = area.join("");
  if (!full || name.startsWith(full)) return name;
  const own = area.at(-1) ?? "";
  let local = name;
  if (own && local.startsWith(own)) local = local.slice(own.length);
  else if (/^[区县市]/.test(local) && own.endsWith(local[0]!)) local = local.slice(1);
  return `${full}${local}`;
}
