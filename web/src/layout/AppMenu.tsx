/** The left menu, built from the module registry and the session's permissions. */
import { Menu, type MenuProps } from "antd";
import { createElement } from "react";
import { useLocation, useNavigate } from "react-router";
import { useI18n } from "../i18n.ts";
import { MENU, MENU_GROUPS, type MenuEntry } from "../modules.ts";
import { useSession } from "../session.tsx";

type Item = NonNullable<MenuProps["items"]>[number];

/** The entry whose path is the longest prefix of the location. */
function selectedEntry(entries: MenuEntry[], pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const hit =
      e.path === "/" ? pathname === "/" : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}

export function AppMenu() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = MENU.filter((e) => can(e.anyOf)).sort((a, b) => a.order - b.order);
  const leaf = (e: MenuEntry): Item => ({
    key: e.path,
    icon: e.icon ? createElement(e.icon) : undefined,
    label: t(e.label),
  });

  type Positioned = { order: number; item: Item };
  const top: Positioned[] = visible
    .filter((e) => !e.group)
    .map((e) => ({ order: e.order, item: leaf(e) }));
  for (const g of MENU_GROUPS) {
    const children = visible.filter((e) => e.group === g.key).map(leaf);
    if (children.length === 0) continue;
    top.push({
      order: g.order,
      item: {
        key: `group:${g.key}`,
        icon: g.icon ? createElement(g.icon) : undefined,
        label: t(g.label),
        children,
      },
    });
  }
  const items = top.sort((a, b) => a.order - b.order).map((p) => p.item);
  const selected = selectedEntry(visible, pathname);

  return (
    <Menu
      mode="inline"
      data-testid="main-menu"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={MENU_GROUPS.map((g) => `group:${g.key}`)}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
