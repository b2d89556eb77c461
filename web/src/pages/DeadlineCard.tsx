/** A deadline calculator over GET /api/calendar/deadline (the legal calendar). */
import {
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api, type DeadlineAnswer } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";

interface Values {
  start: Dayjs;
  n: number;
  unit: "wd" | "d" | "m";
}

export function DeadlineCard() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [answer, setAnswer] = useState<DeadlineAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    clear();
    setBusy(true);
    try {
      const a = await api.get<DeadlineAnswer>("/api/calendar/deadline", {
        start: v.start.format("YYYY-MM-DD"),
        period: `${v.n}${v.unit}`,
      });
      setAnswer(a);
    } catch (e) {
      setAnswer(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("deadline.title")} data-testid="deadline-card">
      <ErrorAlert {...alertProps} />
      <Form
        form={form}
        layout="inline"
        onFinish={onFinish}
        initialValues={{ start: dayjs(), n: 7, unit: "wd" }}
      >
        <Form.Item name="start" label={t("deadline.start")} rules={[{ required: true }]}>
          <DatePicker allowClear={false} data-testid="deadline-start" />
        </Form.Item>
        <Form.Item label={t("deadline.period")} required>
          <Space.Compact>
            <Form.Item name="n" noStyle rules={[{ required: true }]}>
              <InputNumber min={1} max={3660} style={{ width: 90 }} data-testid="deadline-n" />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: 150 }}
                options={(["wd", "d", "m"] as const).map((u) => ({
                  value: u,
                  label: t(`deadline.unit.${u}`),
                }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="deadline-compute">
            {t("deadline.compute")}
          </Button>
        </Form.Item>
      </Form>
      {answer ? (
        <div style={{ marginTop: 16 }} data-testid="deadline-result">
          <Typography.Text type="secondary" style={{ marginInlineEnd: 12 }}>
            {t("deadline.due")}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="deadline-due">
            {answer.due}
          </Typography.Text>
          {answer.provisional ? (
            <Tooltip
              title={t("deadline.provisionalHint", {
                years: (answer.provisionalYears ?? []).join("、"),
              })}
            >
              <Tag
                color="orange"
                style={{ marginInlineStart: 8 }}
                data-testid="deadline-provisional"
              >
                {t("deadline.provisional")}
              </Tag>
            </Tooltip>
          ) : null}
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t("deadline.note")}
      </Typography.Paragraph>
    </Card>
  );
}
