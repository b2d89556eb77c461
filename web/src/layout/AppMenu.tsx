/**
 * The left menu, built from the module registry and the session's permissions, plus
 * the entries the registry derives from the server's declarations (case types and
 * registers, one submenu per server module).
 */
import { AppstoreOutlined } from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import { createElement, useMemo, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useCaseTypes, useModuleLabel, useRegisters } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { MENU, MENU_GROUPS, SERVER_MENUS, type ServerMenuEntry } from "../modules.ts";
import { useSession } from "../session.tsx";

type Item = NonNullable<MenuProps["items"]>[number];

/** The path that is the longest prefix of the location. */
function selectedPath(paths: string[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const p of paths) {
    const hit = p === "/" ? pathname === "/" : pathname === p || pathname.startsWith(`${p}/`);
    if (hit && (!best || p.length > best.length)) best = p;
  }
  return best;
}

function useServerEntries(): ServerMenuEntry[] {
  const { pick } = useI18n();
  const moduleLabel = useModuleLabel();
  const caseTypes = useCaseTypes().data;
  const registers = useRegisters().data;
  return useMemo(() => {
    const catalog = { caseTypes: caseTypes ?? [], registers: registers ?? [] };
    return SERVER_MENUS.flatMap((fn) => fn(catalog, { pick, moduleLabel }));
  }, [caseTypes, registers, pick, moduleLabel]);
}

export function AppMenu() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const server = useServerEntries();
  // Every submenu starts open; the ones the user closes stay closed.
  const [closed, setClosed] = useState<Set<string>>(new Set());

  const visible = MENU.filter((e) => can(e.anyOf)).sort((a, b) => a.order - b.order);
  type Positioned = { order: number; item: Item };
  const top: Positioned[] = visible
    .filter((e) => !e.group)
    .map((e) => ({
      order: e.order,
      item: { key: e.path, icon: e.icon ? createElement(e.icon) : undefined, label: t(e.label) },
    }));
  const leaf = (path: string, label: string): Item => ({ key: path, label });
  const groupKeys: string[] = [];
  for (const g of MENU_GROUPS) {
    const children = visible.filter((e) => e.group === g.key).map((e) => leaf(e.path, t(e.label)));
    if (children.length === 0) continue;
    groupKeys.push(`group:${g.key}`);
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
  const serverGroups = new Map<
    string,
    { order: number; label: string; entries: ServerMenuEntry[] }
  >();
  for (const e of server) {
    const g = serverGroups.get(e.group.key) ?? { ...e.group, entries: [] };
    g.entries.push(e);
    serverGroups.set(e.group.key, g);
  }
  for (const [key, g] of serverGroups) {
    groupKeys.push(key);
    top.push({
      order: g.order,
      item: {
        key,
        icon: createElement(AppstoreOutlined),
        label: g.label,
        children: g.entries.sort((a, b) => a.order - b.order).map((e) => leaf(e.path, e.label)),
      },
    });
  }
  const items = top.sort((a, b) => a.order - b.order).map((p) => p.item);
  const selected = selectedPath(
    [...visible.map((e) => e.path), ...server.map((e) => e.path)],
    pathname,
  );

  return (
    <Menu
      mode="inline"
      data-testid="main-menu"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={groupKeys.filter((k) => !closed.has(k))}
      onOpenChange={(open) => setClosed(new Set(groupKeys.filter((k) => !open.includes(k))))}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
