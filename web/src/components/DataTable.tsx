/**
 * A table over an API list: fixed params, a filter bar, paging, loading and the error
 * envelope. The endpoint answers either an array (paged here) or, with `serverPaging`,
 * `{ items, total }` for `offset` / `limit` params (or `page` / `pageSize` with
 * `serverPaging="page"`). Its query key is
 * `["api", path, params]`, so `invalidateQueries({ queryKey: ["api", path] })` refreshes it.
 */
import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Form, Input, Select, Space, Table, type TableProps } from "antd";
import { isDayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { api, type QueryParams, type QueryValue } from "../api.ts";
import { type MsgKey, useI18n } from "../i18n.ts";
import { ErrorAlert } from "./ErrorDisplay.tsx";

export interface FilterField {
  name: string;
  label?: MsgKey;
  /** A label that is not an i18n key (e.g. a column label from the server). */
  title?: string;
  /** A text box (default) or a choice from options (searchable by label). */
  options?: { value: string; label: string }[];
  /** A day (YYYY-MM-DD) instead of a text box. */
  date?: boolean;
  width?: number;
}

export interface DataTableProps<T> {
  path: string;
  params?: QueryParams;
  filters?: FilterField[];
  columns: NonNullable<TableProps<T>["columns"]>;
  rowKey: TableProps<T>["rowKey"];
  pageSize?: number;
  serverPaging?: boolean | "page";
  /** Beside the refresh button; a function is given the filters applied (for an export). */
  toolbar?: ReactNode | ((filters: QueryParams) => ReactNode);
  expandable?: TableProps<T>["expandable"];
  testId?: string;
  /**
   * For endpoints that answer the whole list: apply the filters here instead of
   * sending them (a row passes when this returns true for the filter values).
   */
  localFilter?: (row: T, values: QueryParams) => boolean;
}

interface Page<T> {
  items: T[];
  total: number;
}

export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { path, params, filters = [], pageSize: initialSize = 20, serverPaging = false } = props;
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [filterValues, setFilterValues] = useState<QueryParams>({});
  const [page, setPage] = useState({ current: 1, size: initialSize });

  const paging: QueryParams =
    serverPaging === "page"
      ? { page: page.current, pageSize: page.size }
      : serverPaging
        ? { offset: (page.current - 1) * page.size, limit: page.size }
        : {};
  const { localFilter } = props;
  const merged: QueryParams = { ...params, ...(localFilter ? {} : filterValues), ...paging };
  const query = useQuery({
    queryKey: ["api", path, merged],
    queryFn: ({ signal }) => api.get<T[] | Page<T>>(path, merged, signal),
    placeholderData: keepPreviousData,
  });
  const all: T[] = Array.isArray(query.data) ? query.data : (query.data?.items ?? []);
  const rows = localFilter ? all.filter((r) => localFilter(r, filterValues)) : all;
  const total = Array.isArray(query.data) ? rows.length : (query.data?.total ?? 0);

  const applyFilters = (values: Record<string, unknown>) => {
    const clean: QueryParams = {};
    for (const [k, raw] of Object.entries(values)) {
      // a date filter's value is a dayjs; it is sent as YYYY-MM-DD
      const v = isDayjs(raw) ? raw.format("YYYY-MM-DD") : raw;
      const s = typeof v === "string" ? v.trim() : v;
      if (s !== undefined && s !== null && s !== "") clean[k] = s as QueryValue;
    }
    setFilterValues(clean);
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <div data-testid={props.testId}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }} wrap>
        {filters.length > 0 ? (
          <Form form={form} name="filters" layout="inline" onFinish={applyFilters}>
            {filters.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={f.title ?? (f.label ? t(f.label) : f.name)}
              >
                {f.date ? (
                  <DatePicker style={{ width: f.width ?? 140 }} data-testid={`filter-${f.name}`} />
                ) : f.options ? (
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: "label" }}
                    options={f.options}
                    style={{ width: f.width ?? 180 }}
                    data-testid={`filter-${f.name}`}
                  />
                ) : (
                  <Input
                    allowClear
                    style={{ width: f.width ?? 160 }}
                    data-testid={`filter-${f.name}`}
                  />
                )}
              </Form.Item>
            ))}
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  {t("common.search")}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    applyFilters({});
                  }}
                >
                  {t("common.reset")}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        ) : (
          <span />
        )}
        <Space>
          {typeof props.toolbar === "function" ? props.toolbar(filterValues) : props.toolbar}
          <Button
            icon={<ReloadOutlined />}
            aria-label={t("common.refresh")}
            title={t("common.refresh")}
            onClick={() => query.refetch()}
          />
        </Space>
      </Space>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <Table<T>
        size="middle"
        rowKey={props.rowKey}
        columns={props.columns}
        dataSource={rows}
        loading={query.isFetching}
        expandable={props.expandable}
        // columns share the width and their text wraps: the main columns fit a 1440-pixel
        // screen without scrolling sideways (long texts no longer stretch the table)
        tableLayout="auto"
        pagination={{
          current: page.current,
          pageSize: page.size,
          total,
          showSizeChanger: true,
          showTotal: (n) => t("common.total", { n }),
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
      />
    </div>
  );
}
