/**
 * 信用核查 for clerks (issue 15): a subject's red and black list entries in force today and
 * its public credit records, by its unified social credit code (GET /api/credit/check,
 * answered by the supervision module's `credit.check`). The code is checked on the server
 * (GB 32100, the position of a bad character named); nothing but the subject's own public
 * credit facts is shown.
 */
import { Alert, Button, Card, Form, Input, List, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";

interface CreditCheckAnswer {
  uscc: string;
  onDate: string;
  lists: { list: "red" | "black"; basis: string; validFrom: string; validTo: string }[];
  records: number;
}

const TEXT = {
  title: { zh: "信用核查", en: "Credit check" },
  uscc: { zh: "统一社会信用代码", en: "Unified social credit code" },
  check: { zh: "核查", en: "Check" },
  required: { zh: "请输入统一社会信用代码", en: "Enter the code" },
  red: { zh: "守信激励（红名单）", en: "Red list" },
  black: { zh: "失信惩戒（黑名单）", en: "Black list" },
  none: { zh: "未列入红名单或黑名单", en: "On no red or black list" },
  valid: { zh: "有效期", en: "Valid" },
  basis: { zh: "认定依据", en: "Basis" },
  records: { zh: "公示中的行政许可、行政处罚信用信息", en: "Public credit records" },
  onDate: { zh: "核查日期", en: "Checked on" },
  note: {
    zh: "办理行政许可、政府采购、评优评先等事项前，核查当事人的信用状况（失信主体依法实施联合惩戒）。",
    en: "Check a subject's credit before a licence, a purchase or an award.",
  },
} as const;

export function CreditCheckCard() {
  const { lang } = useI18n();
  const say = (k: keyof typeof TEXT) => TEXT[k][lang === "en" ? "en" : "zh"];
  const [form] = Form.useForm<{ uscc: string }>();
  const { fail, clear, alertProps } = useFormError(form);
  const [answer, setAnswer] = useState<CreditCheckAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { uscc: string }) => {
    clear();
    setBusy(true);
    try {
      setAnswer(await api.get<CreditCheckAnswer>("/api/credit/check", { uscc: v.uscc.trim() }));
    } catch (e) {
      setAnswer(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={say("title")} data-testid="credit-check-card">
      <ErrorAlert {...alertProps} />
      <Form form={form} layout="inline" onFinish={onFinish}>
        <Form.Item
          name="uscc"
          label={say("uscc")}
          rules={[{ required: true, whitespace: true, message: say("required") }]}
        >
          <Input maxLength={18} style={{ width: 220 }} data-testid="credit-check-uscc" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="credit-check-go">
            {say("check")}
          </Button>
        </Form.Item>
      </Form>
      {answer ? (
        <div style={{ marginTop: 16 }} data-testid="credit-check-result">
          <Typography.Text type="secondary">
            {say("onDate")}：{answer.onDate}
          </Typography.Text>
          {answer.lists.length === 0 ? (
            <Alert style={{ marginTop: 8 }} type="success" showIcon title={say("none")} />
          ) : (
            <List
              size="small"
              dataSource={answer.lists}
              renderItem={(x) => (
                <List.Item>
                  <Tag color={x.list === "black" ? "red" : "green"}>{say(x.list)}</Tag>
                  {say("valid")}：{x.validFrom} 至 {x.validTo}；{say("basis")}：{x.basis}
                </List.Item>
              )}
            />
          )}
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {say("records")}：{answer.records}
          </Typography.Paragraph>
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {say("note")}
      </Typography.Paragraph>
    </Card>
  );
}
