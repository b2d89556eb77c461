/**
 * Export (GET …/export.xlsx, downloaded) and import (POST …/import, the raw .xlsx).
 * An import is all-or-nothing: a 422 lists every bad cell as { row, column, field,
 * reason }, shown here as a table; nothing was written.
 */
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Table, Upload } from "antd";
import { useState } from "react";
import { ApiError, api, download, type FieldError } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { type ImportResult, type RegisterInfo, XLSX_MIME } from "./types.ts";

export function ExportButton({ reg }: { reg: RegisterInfo }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(
        `/api/registers/${encodeURIComponent(reg.code)}/export.xlsx`,
        {},
        `${reg.code}.xlsx`,
      );
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid="register-export">
      {t("reg.export")}
    </Button>
  );
}

/** The bad cells of a refused import. */
function ImportReport({ error }: { error: unknown }) {
  const { t } = useI18n();
  const rows = error instanceof ApiError ? error.fields.filter((f) => f.row !== undefined) : [];
  if (rows.length === 0) return <ErrorAlert error={error} />;
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("reg.importFailed")}
        description={(error as ApiError).message}
      />
      <Table<FieldError>
        size="small"
        data-testid="import-report"
        rowKey={(f, i) => `${f.row}:${f.field}:${i}`}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: t("reg.row"), dataIndex: "row", width: 70 },
          { title: t("reg.column"), dataIndex: "column" },
          { title: t("reg.reason"), key: "reason", render: (_, f) => f.reason ?? f.message },
        ]}
      />
    </>
  );
}

export function ImportButton({ reg, onImported }: { reg: RegisterInfo; onImported: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (file: File) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api.upload<ImportResult>(
        `/api/registers/${encodeURIComponent(reg.code)}/import`,
        file,
        XLSX_MIME,
      );
      message.success(t("reg.imported", { ...r }));
      onImported();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void run(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="register-import">
          {t("reg.import")}
        </Button>
      </Upload>
      <Modal
        open={failure !== null}
        title={t("reg.importFailedTitle")}
        onCancel={() => setFailure(null)}
        onOk={() => setFailure(null)}
        okText={t("common.ok")}
        cancelButtonProps={{ style: { display: "none" } }}
        width={760}
        data-testid="import-failure"
      >
        {failure !== null ? <ImportReport error={failure} /> : null}
      </Modal>
    </>
  );
}
