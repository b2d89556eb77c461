/**
 * Every UI string, Chinese first, English beside. Pages say `t("key")`; labels of the
 * server's stable codes (roles, event kinds, …) come from GET /api/labels instead.
 * A module adds its strings here under its own key prefix.
 */

import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { setRequestLanguage } from "./api.ts";

export type Lang = "zh" | "en";

const STRINGS = {
  "app.name": { zh: "法治", en: "Fazhi" },
  "app.tagline": { zh: "法治政府建设工作平台", en: "Rule-of-law government work platform" },
  "lang.switch": { zh: "English", en: "中文" },
  "lang.current": { zh: "中文", en: "English" },

  "common.search": { zh: "查询", en: "Search" },
  "common.reset": { zh: "重置", en: "Reset" },
  "common.refresh": { zh: "刷新", en: "Refresh" },
  "common.ok": { zh: "确定", en: "OK" },
  "common.cancel": { zh: "取消", en: "Cancel" },
  "common.save": { zh: "保存", en: "Save" },
  "common.actions": { zh: "操作", en: "Actions" },
  "common.total": { zh: "共 {n} 条", en: "{n} in all" },
  "common.exportXlsx": { zh: "导出 Excel", en: "Export (.xlsx)" },
  "common.error": { zh: "出错了", en: "Something went wrong" },
  "common.forbidden": { zh: "您没有访问此页面的权限。", en: "You may not open this page." },
  "common.notFound": { zh: "页面不存在。", en: "No such page." },
  "common.backHome": { zh: "返回工作台", en: "Back to home" },
  "common.loading": { zh: "加载中…", en: "Loading…" },
  "common.none": { zh: "无", en: "none" },
  "common.yes": { zh: "是", en: "Yes" },
  "common.passed": { zh: "通过", en: "passed" },
  "common.failed": { zh: "未通过", en: "not passed" },
  "common.no": { zh: "否", en: "No" },
  "common.keyword": { zh: "关键词", en: "Keyword" },

  "form.addItem": { zh: "添加一项", en: "Add an item" },
  "form.required": { zh: "请填写{label}", en: "{label} is required" },
  "form.choose": { zh: "请选择{label}", en: "Choose {label}" },
  "form.removeItem": { zh: "删除此项", en: "Remove this item" },
  "form.tagsHint": {
    zh: "输入后按回车添加，可添加多项",
    en: "Type and press Enter; add as many as needed",
  },
  "form.jsonHint": { zh: "以 JSON 格式填写", en: "Written as JSON" },

  "auth.username": { zh: "用户名", en: "User name" },
  "auth.password": { zh: "密码", en: "Password" },
  "auth.login": { zh: "登录", en: "Log in" },
  "auth.loginTitle": { zh: "登录", en: "Log in" },
  "auth.logout": { zh: "退出登录", en: "Log out" },
  "auth.required": { zh: "请输入{field}", en: "Enter the {field}" },
  "auth.changePassword": { zh: "修改密码", en: "Change password" },
  "auth.mustChange": {
    zh: "首次登录请先修改一次性密码，修改后才能使用系统。",
    en: "Change your one-time password before using the system.",
  },
  "auth.currentPassword": { zh: "当前密码", en: "Current password" },
  "auth.newPassword": { zh: "新密码", en: "New password" },
  "auth.confirmPassword": { zh: "确认新密码", en: "Confirm new password" },
  "auth.mismatch": { zh: "两次输入的新密码不一致", en: "The two new passwords differ" },
  "auth.passwordRules": {
    zh: "至少 10 位，不含用户名，包含大写字母、小写字母、数字、符号中的至少三类。",
    en: "At least 10 characters, not containing the user name, with three of: upper case, lower case, digits, symbols.",
  },
  "auth.passwordChanged": { zh: "密码已修改", en: "Password changed" },
  "auth.code": { zh: "动态验证码", en: "Authenticator code" },
  "auth.codeHint": {
    zh: "请打开验证器应用，输入当前显示的 6 位数字。",
    en: "Open your authenticator app and enter the 6 digits it shows now.",
  },
  "auth.verify": { zh: "验证", en: "Verify" },
  "totp.title": { zh: "绑定动态验证码", en: "Enrol the authenticator" },
  "totp.required": {
    zh: "您的账户须使用双因素认证：绑定验证器应用后才能使用系统。",
    en: "Your account logs in with two factors: enrol an authenticator app before using the system.",
  },
  "totp.start": { zh: "生成密钥", en: "Generate a secret" },
  "totp.scan": {
    zh: "用验证器应用扫描二维码，或手工输入下面的密钥。密钥只显示这一次，请勿截图外传。",
    en: "Scan the QR code with an authenticator app, or type the secret below. It is shown only this once; do not share it.",
  },
  "totp.secret": { zh: "密钥", en: "Secret" },
  "totp.confirm": { zh: "确认绑定", en: "Confirm" },
  "totp.done": { zh: "动态验证码已绑定", en: "Authenticator enrolled" },

  "menu.home": { zh: "工作台", en: "Home" },
  "menu.system": { zh: "系统管理", en: "System" },
  "menu.warnings": { zh: "预警", en: "Warnings" },
  "menu.indicators": { zh: "指标", en: "Indicators" },
  "menu.reports": { zh: "年度报告", en: "Annual reports" },
  "menu.search": { zh: "检索", en: "Search" },
  "search.title": { zh: "全文检索", en: "Full-text search" },
  "search.placeholder": {
    zh: "输入字词，空格分隔，例如：行政处罚 听证",
    en: "Words separated by spaces, e.g. 行政处罚 听证",
  },
  "search.go": { zh: "检索", en: "Search" },
  "search.allKinds": { zh: "全部类别", en: "All kinds" },
  "search.kind.law": { zh: "法律法规", en: "Laws" },
  "search.kind.case": { zh: "案件", en: "Cases" },
  "search.kind.register": { zh: "台账名录", en: "Registers" },
  "search.kind.document": { zh: "文件", en: "Documents" },
  "search.hint": {
    zh: "检索法律法规条文、案件、台账和文件（仅限您有权查看的）",
    en: "Search laws, cases, registers and documents (those you may see)",
  },
  "search.none": { zh: "没有找到相关内容", en: "Nothing found" },

  "module.meetings": { zh: "会议", en: "Meetings" },
  "module.platform": { zh: "平台", en: "Platform" },
  "module.directory": { zh: "机构与人员", en: "Directory" },
  "module.enforcement": { zh: "行政执法", en: "Administrative enforcement" },
  "menu.accounts": { zh: "账户管理", en: "Accounts" },
  "menu.securityLog": { zh: "安全日志", en: "Security log" },
  "menu.audit": { zh: "审计日志", en: "Audit trail" },
  "menu.settings": { zh: "地方设置", en: "Local settings" },
  "settings.title": {
    zh: "地方设置（各地不同的规则）",
    en: "Local settings (rules that differ by region)",
  },
  "settings.setting": { zh: "设置项", en: "Setting" },
  "settings.inForce": { zh: "本地现行值", en: "In force here" },
  "settings.value": { zh: "值", en: "Value" },
  "settings.setIn": { zh: "设定地区 · 生效日期", en: "Set in · from" },
  "settings.nationalDefault": { zh: "全国默认值", en: "National default" },
  "settings.legalBasis": { zh: "法律依据", en: "Legal basis" },
  "settings.localBasis": { zh: "本地依据", en: "Local basis" },
  "settings.basisRequired": {
    zh: "请写明本地依据（文件名称及文号）",
    en: "Name the local rule this value follows",
  },
  "settings.effectiveFrom": { zh: "生效日期", en: "In force from" },
  "settings.effectiveFromHint": {
    zh: "今天或以后（默认今天）。已经开始计算的期限仍按原值，不受影响。",
    en: "Today or later (default today). Deadlines already running keep the value they started with.",
  },
  "settings.newValue": { zh: "设定新值", en: "New value" },
  "settings.save": { zh: "保存", en: "Save" },
  "settings.saved": { zh: "已保存新值", en: "New value saved" },
  "settings.region": { zh: "地区", en: "Region" },
  "settings.inherit": { zh: "恢复继承上级", en: "Back to inherited" },
  "settings.updatedAt": { zh: "设定时间", en: "Set at" },
  "settings.noHistory": {
    zh: "尚未设定本地值，适用全国默认值",
    en: "No local value: the national default applies",
  },

  "home.greeting": { zh: "{name}，您好！", en: "Hello, {name}!" },
  "home.myUnit": { zh: "所在单位", en: "My unit" },
  "home.myRoles": { zh: "我的角色", en: "My roles" },
  "home.scope": { zh: "数据范围", en: "Data scope" },
  "home.scope.unit": { zh: "本单位", en: "My unit" },
  "home.scope.region": { zh: "本区域", en: "My region" },
  "work.title.case_handler": { zh: "我承办的案件", en: "My cases" },
  "work.title.legal_reviewer": { zh: "待法制审核", en: "Waiting for my legal review" },
  "work.title.unit_leader": {
    zh: "待决定和集体讨论",
    en: "Decisions and collective discussions waiting",
  },
  "work.title.rule_of_law_office": { zh: "本办待办", en: "The office's own work" },
  "work.title": { zh: "我的待办", en: "My work" },
  "work.hint": {
    zh: "您现在可以办理的步骤，按期限先后排列；点击步骤进入办理。",
    en: "The steps you can take now, soonest due first; click a step to take it.",
  },
  "work.total": { zh: "待办", en: "Waiting" },
  "work.dueToday": { zh: "今日到期", en: "Due today" },
  "work.case": { zh: "案件", en: "Case" },
  "work.type": { zh: "类型", en: "Type" },
  "work.state": { zh: "当前状态", en: "State" },
  "work.steps": { zh: "待办步骤", en: "Steps" },
  "work.due": { zh: "办理期限", en: "Time limit" },
  "work.noDue": { zh: "未计时", en: "No time limit running" },
  "work.none": { zh: "目前没有待办事项", en: "Nothing waiting for you" },
  "work.suspended": { zh: "中止中", en: "Suspended" },
  "work.more": {
    zh: "共 {n} 件，显示最紧急的 {shown} 件",
    en: "{n} in all; the {shown} most urgent shown",
  },
  "district.title": { zh: "全区概况", en: "The district" },
  "district.byUnit": { zh: "各单位期限预警", en: "Time limits by unit" },
  "district.unit": { zh: "单位", en: "Unit" },
  "district.noWarnings": {
    zh: "各单位均无超期或即将到期事项",
    en: "No unit has a time limit overdue or due soon",
  },
  "district.indicators": { zh: "{year}年指标与上年对比", en: "{year} against the year before" },
  "district.indicator": { zh: "指标", en: "Indicator" },
  "district.change": { zh: "增减", en: "Change" },
  "admin.title": { zh: "我的工作", en: "My pages" },
  "admin.hint": {
    zh: "管理员不办理业务案件，以下是您的管理页面：",
    en: "Administrators handle no cases; these are your pages:",
  },
  "cases.next": { zh: "下一步", en: "Next" },
  "cases.nextBy": { zh: "{step}（{by}）", en: "{step} ({by})" },
  "cases.nextNone": { zh: "案件已办结", en: "The case is closed" },
  "cases.reasonHint": {
    zh: "选填。说明办理本步骤的原因或依据，随本步骤记入案件记录和审计日志。",
    en: "Optional: why this step is taken; kept with the step and in the audit trail.",
  },
  "cases.reasonHintRequired": {
    zh: "必填。本步骤须说明理由，随本步骤记入案件记录和审计日志。",
    en: "Required: this step needs a reason, kept with it and in the audit trail.",
  },
  "ind.lastYearWithData": {
    zh: "{year}年是有数据的最近年份，默认显示该年",
    en: "{year} is the last year with data, shown first",
  },
  "deadline.title": { zh: "期限计算", en: "Deadline calculator" },
  "deadline.start": { zh: "起算日", en: "Start date" },
  "deadline.period": { zh: "期间", en: "Period" },
  "deadline.unit.wd": { zh: "个工作日", en: "working days" },
  "deadline.unit.d": { zh: "日（自然日）", en: "calendar days" },
  "deadline.unit.m": { zh: "个月", en: "months" },
  "deadline.unit.h": { zh: "小时", en: "hours" },
  "deadline.dueAt": { zh: "届满时刻", en: "Ends at" },
  "deadline.instance": { zh: "第 {n} 次起算", en: "start no. {n}" },
  "deadline.history": { zh: "此前的计算（已重新起算）", en: "Earlier runs (restarted)" },
  "deadline.problems": {
    zh: "以下期限因数据异常无法计算，已报法治办核查",
    en: "These time limits cannot be computed from the stored data (reported for correction)",
  },
  "deadline.startSource": { zh: "起算依据", en: "Runs from" },
  "deadline.compute": { zh: "计算", en: "Compute" },
  "deadline.due": { zh: "届满日", en: "Due date" },
  "deadline.provisional": { zh: "暂定", en: "Provisional" },
  "deadline.provisionalHint": {
    zh: "{years} 年的放假安排尚未公布，仅按法定节假日推算，公布后将重新计算。",
    en: "The holiday notice for {years} is not yet loaded: computed from statutory holidays only, recomputed when it arrives.",
  },
  "deadline.legalBasis": { zh: "法律依据", en: "Legal basis" },
  "deadline.remaining": { zh: "剩余 {n} {unit}", en: "{n} {unit} left" },
  "deadline.overdueBy": { zh: "已超期 {n} {unit}", en: "{n} {unit} overdue" },
  "deadline.warning.normal": { zh: "正常", en: "On time" },
  "deadline.warning.due_soon": { zh: "即将到期", en: "Due soon" },
  "deadline.warning.overdue": { zh: "已超期", en: "Overdue" },
  "deadline.state.running": { zh: "计时中", en: "Running" },
  "deadline.state.suspended": { zh: "已中止", en: "Suspended" },
  "deadline.state.stopped": { zh: "已停止", en: "Stopped" },
  "deadline.note": {
    zh: "起算当日不计入；期间届满日为节假日的，顺延至节假日后第一个工作日。",
    en: "The start day is not counted; a period ending on a rest day ends on the next working day.",
  },

  "cases.new": { zh: "新建", en: "New" },
  "cases.newTitle": { zh: "新建：{type}", en: "New: {type}" },
  "cases.created": { zh: "已创建：{title}", en: "Created: {title}" },
  "cases.state": { zh: "状态", en: "State" },
  "cases.progress": { zh: "办理情况", en: "Progress" },
  "cases.openOnly": { zh: "在办", en: "Open" },
  "cases.closedOnly": { zh: "已办结", en: "Closed" },
  "cases.search": { zh: "标题或文号", en: "Title or number" },
  "cases.title": { zh: "标题", en: "Title" },
  "cases.numbers": { zh: "文号", en: "Numbers" },
  "cases.unit": { zh: "承办单位", en: "Unit" },
  "cases.openedOn": { zh: "立案日期", en: "Opened on" },
  "cases.closedOn": { zh: "办结日期", en: "Closed on" },
  "cases.backToList": { zh: "返回列表", en: "Back to the list" },
  "cases.fields": { zh: "案件信息", en: "Fields" },
  "cases.timeline": { zh: "办理过程", en: "Timeline" },
  "cases.deadlines": { zh: "办理期限", en: "Time limits" },
  "cases.noDeadlines": { zh: "尚未开始计时", en: "No clock has started" },
  "cases.related": { zh: "关联信息", en: "Related" },
  "cases.links": { zh: "关联案件", en: "Linked cases" },
  "cases.participants": { zh: "参与单位", en: "Participating units" },
  "cases.subCases": { zh: "分办件", en: "Sub-cases" },
  "cases.attachments": { zh: "附件", en: "Attachments" },
  "cases.noActions": { zh: "当前没有您可办理的步骤", en: "No step is open to you now" },
  "cases.consultation": { zh: "意见征集处理", en: "Public comment handling" },

  "consultation.title": { zh: "公开征求意见", en: "Public comment" },
  "consultation.backToCase": { zh: "返回办件", en: "Back to the case" },
  "consultation.period": { zh: "征求意见期限", en: "Comment period" },
  "consultation.received": { zh: "收到意见", en: "Comments received" },
  "consultation.counts": { zh: "{n} 条（其中已屏蔽 {hidden} 条）", en: "{n} ({hidden} hidden)" },
  "consultation.answers": { zh: "答复", en: "Answers" },
  "consultation.publishedOn": { zh: "已于 {d} 公布", en: "published on {d}" },
  "consultation.unanswered": { zh: "草拟中，尚有 {n} 条未答复", en: "drafting; {n} unanswered" },
  "consultation.publishAnswers": { zh: "公布全部答复", en: "Publish all answers" },
  "consultation.publishAnswersConfirm": {
    zh: "答复公布后不能再修改，确定一并公布全部答复？",
    en: "Published answers cannot change. Publish every answer now?",
  },
  "consultation.answersPublished": { zh: "答复已公布", en: "The answers are published" },
  "consultation.publishReport": { zh: "公布意见采纳情况", en: "Publish the adoption report" },
  "consultation.reportPublished": {
    zh: "意见采纳情况已公布",
    en: "The adoption report is published",
  },
  "consultation.reportPublishedOn": {
    zh: "意见采纳情况已于 {d} 公布",
    en: "Report published on {d}",
  },
  "consultation.reportDocx": {
    zh: "下载意见采纳情况及理由",
    en: "Download the adoption report (.docx)",
  },
  "consultation.comments": { zh: "公众意见", en: "Comments" },
  "consultation.no": { zh: "序号", en: "No." },
  "consultation.submittedOn": { zh: "提交日期", en: "Submitted on" },
  "consultation.topic": { zh: "条款或主题", en: "Article or topic" },
  "consultation.body": { zh: "意见内容", en: "Comment" },
  "consultation.submitter": { zh: "提交人及联系方式", en: "Submitter and contact" },
  "consultation.answer": { zh: "答复", en: "Answer" },
  "consultation.noAnswer": { zh: "未答复", en: "Not answered" },
  "consultation.draft": { zh: "草拟", en: "draft" },
  "consultation.hidden": { zh: "已屏蔽", en: "Hidden" },
  "consultation.hide": { zh: "屏蔽", en: "Hide" },
  "consultation.restore": { zh: "恢复显示", en: "Restore" },
  "consultation.hidBy": { zh: "屏蔽", en: "hid it" },
  "consultation.restoredBy": { zh: "恢复显示", en: "restored it" },
  "consultation.moderationReason": { zh: "理由", en: "Reason" },
  "consultation.reasonRequired": { zh: "请填写理由", en: "Give a reason" },
  "consultation.result": { zh: "采纳情况", en: "Result" },
  "consultation.resultRequired": { zh: "请选择采纳情况", en: "Choose a result" },
  "consultation.reason": { zh: "理由", en: "Reason" },
  "consultation.reasonHint": {
    zh: "部分采纳、不予采纳或研究中的，须说明理由",
    en: "Required unless the comment is adopted",
  },
  "consultation.answerReasonRequired": {
    zh: "未完全采纳的，请说明理由",
    en: "Give the reason (required unless adopted)",
  },
  "cases.onDate": { zh: "办理日期", en: "Date of the step" },
  "cases.onDateHint": { zh: "不填则为今天", en: "Today if left empty" },
  "cases.reason": { zh: "理由", en: "Reason" },
  "cases.reasonRequired": { zh: "此操作须填写理由", en: "This step needs a reason" },
  "cases.stepDone": { zh: "已办理：{action}", en: "Done: {action}" },
  "cases.reload": { zh: "重新加载", en: "Reload" },
  "cases.suspendedSince": { zh: "自 {from} 起中止计时", en: "Clocks suspended since {from}" },
  "cases.suspend": { zh: "中止计时", en: "Suspend the clocks" },
  "cases.resume": { zh: "恢复计时", en: "Resume the clocks" },
  "cases.extend": { zh: "延长期限", en: "Extend a time limit" },
  "cases.suspendDone": { zh: "已中止计时", en: "Clocks suspended" },
  "cases.resumeDone": { zh: "已恢复计时", en: "Clocks resumed" },
  "cases.extendDone": { zh: "期限已延长", en: "Time limit extended" },
  "cases.clock": { zh: "期限", en: "Time limit" },
  "cases.allClocksHint": {
    zh: "不选则中止全部可中止的期限",
    en: "All suspendable clocks if none is chosen",
  },
  "cases.extendBy": { zh: "延长", en: "Extend by" },
  "cases.extendMax": { zh: "最多 {n} {unit}", en: "at most {n} {unit}" },
  "cases.approvedBy": { zh: "批准人", en: "Approved by" },
  "cases.approverHint": {
    zh: "由您（具有批准权限的负责人）批准",
    en: "Approved by you (holding the approving permission)",
  },
  "cases.noticeOn": { zh: "告知当事人日期", en: "Party notified on" },
  "cases.noticeText": { zh: "告知内容", en: "Notice to the party" },
  "cases.reviews": { zh: "复议、复查情况", en: "Reviews of this case" },
  "cases.reviewing": { zh: "审查的案件", en: "Cases under review" },
  "cases.reviewUnit": { zh: "审查机关", en: "Reviewing body" },

  "timeline.create": { zh: "创建", en: "Opened" },
  "timeline.suspend": { zh: "中止计时", en: "Clocks suspended" },
  "timeline.resume": { zh: "恢复计时", en: "Clocks resumed" },
  "timeline.extend": { zh: "延长期限", en: "Time limit extended" },
  "timeline.extendDetail": {
    zh: "延长 {period}，批准人：{by}",
    en: "Extended by {period}, approved by {by}",
  },
  "timeline.link": { zh: "关联案件", en: "Linked" },
  "timeline.add_participant": { zh: "添加参与单位", en: "Unit added" },
  "timeline.open_sub_case": { zh: "分办", en: "Sub-case opened" },

  "warnings.title": { zh: "期限预警", en: "Deadline warnings" },
  "warnings.card": { zh: "期限预警", en: "Deadline warnings" },
  "warnings.all": { zh: "全部", en: "All" },
  "warnings.byUnit": { zh: "按承办单位筛选", en: "Filter by unit" },
  "warnings.daysOverdue": { zh: "超期天数", en: "Days overdue" },
  "warnings.handler": { zh: "承办人", en: "Handler" },
  "warnings.mine": { zh: "只看我承办的", en: "Only cases I handle" },
  "warnings.level": { zh: "预警级别", en: "Level" },
  "warnings.case": { zh: "案件", en: "Case" },
  "warnings.caseType": { zh: "案件类型", en: "Case type" },
  "warnings.clock": { zh: "期限", en: "Time limit" },
  "warnings.remaining": { zh: "剩余", en: "Remaining" },
  "warnings.none": { zh: "暂无即将到期或超期的期限", en: "Nothing due soon or overdue" },
  "warnings.viewAll": { zh: "查看全部", en: "View all" },
  "warnings.previous": { zh: "上一页", en: "Previous" },
  "warnings.next": { zh: "下一页", en: "Next" },
  "warnings.page": { zh: "第 {n} 页", en: "Page {n}" },

  "reg.create": { zh: "新增", en: "New entry" },
  "reg.edit": { zh: "编辑", en: "Edit" },
  "reg.delete": { zh: "删除", en: "Delete" },
  "reg.deleteConfirm": { zh: "删除“{title}”", en: "Delete “{title}”" },
  "reg.deleteReason": { zh: "删除理由", en: "Reason for deleting" },
  "reg.updateReason": { zh: "修改理由", en: "Reason for the change" },
  "reg.deleted": { zh: "已删除", en: "Deleted" },
  "reg.saved": { zh: "已保存", en: "Saved" },
  "reg.unit": { zh: "所属单位", en: "Unit" },
  "reg.unitHint": { zh: "不选则为本单位", en: "My unit if none is chosen" },
  "reg.version": { zh: "版本", en: "Version" },
  "reg.versions": { zh: "修改记录", en: "History" },
  "reg.changed": { zh: "修改内容", en: "Changed" },
  "reg.export": { zh: "导出", en: "Export" },
  "reg.import": { zh: "导入", en: "Import" },
  "reg.imported": {
    zh: "导入完成：共 {rows} 行，新增 {created}，更新 {updated}，未变 {unchanged}",
    en: "Imported {rows} rows: {created} new, {updated} updated, {unchanged} unchanged",
  },
  "reg.importFailedTitle": { zh: "导入未完成", en: "Import refused" },
  "reg.importFailed": {
    zh: "文件中有错误，未导入任何数据。请按下表修改后重新导入。",
    en: "The file has errors and nothing was imported. Correct the cells below and import again.",
  },
  "reg.row": { zh: "行", en: "Row" },
  "reg.column": { zh: "列", en: "Column" },
  "reg.field": { zh: "字段", en: "Field" },
  "reg.reason": { zh: "原因", en: "Reason" },
  "reg.listVersions": { zh: "发布版本", en: "Published versions" },

  "ver.title": { zh: "发布的版本", en: "Published versions" },
  "ver.publish": { zh: "发布新版本", en: "Publish a new version" },
  "ver.publishHint": {
    zh: "将本清单当前的全部条目发布为新版本。版本发布后不可修改；施行日期须晚于现行最新版本。",
    en: "Publishes every entry of the list as it is now. A published version cannot be changed; it must come into force after the latest one.",
  },
  "ver.published": { zh: "已发布", en: "Published" },
  "ver.required": { zh: "必填", en: "Required" },
  "ver.number": { zh: "发文字号", en: "Document number" },
  "ver.numberExample": { zh: "如：武隆府办发〔2020〕15号", en: "e.g. 武隆府办发〔2020〕15号" },
  "ver.publishedOn": { zh: "发布日期", en: "Published on" },
  "ver.inForceFrom": { zh: "施行日期", en: "In force from" },
  "ver.period": { zh: "施行期间", en: "In force" },
  "ver.from": { zh: "{from} 起", en: "from {from}" },
  "ver.fromTo": { zh: "{from} 至 {to}", en: "{from} to {to}" },
  "ver.entries": { zh: "条目数", en: "Entries" },
  "ver.inForce": { zh: "现行", en: "In force" },
  "ver.none": { zh: "尚未发布版本", en: "No version published yet" },
  "ver.compare": { zh: "变更对照", en: "Changes" },
  "ver.compareFrom": { zh: "{number} 对比：", en: "{number} compared with:" },
  "ver.compareTo": { zh: "对比对象", en: "Compare with" },
  "ver.current": { zh: "当前条目（尚未发布）", en: "The entries now (not yet published)" },
  "ver.added": { zh: "新增事项", en: "Added" },
  "ver.removed": { zh: "取消事项", en: "Removed" },
  "ver.changed": { zh: "调整事项", en: "Changed" },
  "ver.entry": { zh: "事项", en: "Item" },
  "ver.before": { zh: "调整前", en: "Before" },
  "ver.after": { zh: "调整后", en: "After" },
  "ver.unchanged": { zh: "未变事项 {n} 项", en: "{n} unchanged" },

  "ind.title": { zh: "指标", en: "Indicators" },
  "ind.region": { zh: "地区", en: "Region" },
  "ind.year": { zh: "年度", en: "Year" },
  "ind.yearN": { zh: "{y} 年", en: "{y}" },
  "ind.periodLabel": { zh: "统计期间", en: "Period" },
  "ind.periodRange": { zh: "统计期间：{from} 至 {to}", en: "Period: {from} to {to}" },
  "ind.indicator": { zh: "指标", en: "Indicator" },
  "ind.module": { zh: "领域", en: "Area" },
  "ind.value": { zh: "数值", en: "Value" },
  "ind.unit": { zh: "单位", en: "Unit" },
  "ind.definition": { zh: "口径", en: "Definition" },
  "ind.drill": { zh: "明细", en: "Records" },
  "ind.empty": { zh: "暂无已声明的指标", en: "No indicator is declared yet" },
  "ind.chart": { zh: "同单位指标对比", en: "Figures of one unit" },
  "ind.noFigures": { zh: "暂无数据", en: "No figures" },
  "ind.record": { zh: "记录", en: "Record" },
  "ind.kind": { zh: "类型", en: "Type" },
  "ind.kind.unit": { zh: "单位", en: "Unit" },
  "ind.contribution": { zh: "计入值", en: "Counts as" },
  "ind.detail": { zh: "详情", en: "Detail" },
  "ind.truncated": {
    zh: "仅显示前 {shown} 条，共 {total} 条",
    en: "First {shown} of {total} shown",
  },

  "accounts.title": { zh: "账户管理", en: "Accounts" },
  "accounts.create": { zh: "新建账户", en: "New account" },
  "accounts.role": { zh: "角色", en: "Role" },
  "accounts.search": { zh: "用户名或姓名", en: "User name or name" },
  "accounts.username": { zh: "用户名", en: "User name" },
  "accounts.displayName": { zh: "姓名", en: "Name" },
  "accounts.unit": { zh: "单位", en: "Unit" },
  "accounts.roles": { zh: "角色", en: "Roles" },
  "accounts.status": { zh: "状态", en: "Status" },
  "accounts.active": { zh: "正常", en: "Active" },
  "accounts.disabled": { zh: "已停用", en: "Disabled" },
  "accounts.locked": { zh: "已锁定", en: "Locked" },
  "accounts.setRoles": { zh: "设置角色", en: "Set roles" },
  "accounts.reason": { zh: "变更理由", en: "Reason" },
  "accounts.unlock": { zh: "解锁", en: "Unlock" },
  "accounts.unlockConfirm": { zh: "确定解锁账户 {name}？", en: "Unlock the account {name}?" },
  "accounts.unlocked": { zh: "已解锁", en: "Unlocked" },
  "accounts.rolesSaved": { zh: "角色已更新", en: "Roles updated" },
  "accounts.pending": { zh: "待激活", en: "Awaiting activation" },
  "accounts.createdPending": {
    zh: "账户 {name} 已创建，尚无密码和角色：请安全管理员激活并将一次性密码交给本人。",
    en: "Account {name} created, with no password and no role: the security administrator activates it and hands the one-time password to its holder.",
  },
  "accounts.activate": { zh: "激活", en: "Activate" },
  "accounts.activated": { zh: "账户已激活", en: "Account activated" },
  "accounts.totp": { zh: "动态验证码", en: "Authenticator" },
  "accounts.totpReset": { zh: "重置动态验证码", en: "Reset authenticator" },
  "accounts.totpResetDone": {
    zh: "已重置：该账户下次登录时重新绑定",
    en: "Reset: the account enrols again at its next login",
  },
  "accounts.created": { zh: "账户已创建", en: "Account created" },
  "accounts.oneTimePassword": { zh: "一次性密码", en: "One-time password" },
  "accounts.oneTimePasswordHint": {
    zh: "请将一次性密码告知 {name}。此密码只显示这一次，首次登录时须修改。",
    en: "Give this one-time password to {name}. It is shown only once and must be changed at first login.",
  },
  "accounts.adminRoleFixed": {
    zh: "管理员角色在命令行中设置",
    en: "Administrator roles are set on the command line",
  },

  "security.title": { zh: "安全日志", en: "Security log" },
  "security.time": { zh: "时间", en: "Time" },
  "security.kind": { zh: "事件", en: "Event" },
  "security.username": { zh: "用户名", en: "User name" },
  "security.ip": { zh: "IP 地址", en: "IP address" },
  "security.detail": { zh: "详情", en: "Detail" },

  "audit.title": { zh: "审计日志", en: "Audit trail" },
  "audit.time": { zh: "时间", en: "Time" },
  "audit.actor": { zh: "操作人", en: "Actor" },
  "audit.system": { zh: "（系统/命令行）", en: "(system / command line)" },
  "audit.action": { zh: "操作", en: "Action" },
  "audit.entityType": { zh: "对象类型", en: "Entity type" },
  "audit.entityId": { zh: "对象编号", en: "Entity id" },
  "audit.reason": { zh: "理由", en: "Reason" },
  "audit.before": { zh: "变更前", en: "Before" },
  "audit.after": { zh: "变更后", en: "After" },
  "audit.chain": { zh: "哈希链", en: "Hash chain" },
  "audit.changes": { zh: "变更内容", en: "Changes" },
  "audit.field": { zh: "字段", en: "Field" },
  "audit.unit": { zh: "单位", en: "Unit" },
  "audit.from": { zh: "起始日期", en: "From" },
  "audit.to": { zh: "截止日期", en: "To" },
  "audit.summary": { zh: "摘要", en: "Summary" },
  "security.from": { zh: "起始日期", en: "From" },
  "security.to": { zh: "截止日期", en: "To" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MsgKey = keyof typeof STRINGS;

/** Whether a computed key (e.g. `module.${code}`) is one of the table's. */
export function isMsgKey(key: string): key is MsgKey {
  return Object.hasOwn(STRINGS, key);
}
export type Vars = Record<string, string | number>;

/** The text of a key in a language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const text: string = STRINGS[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const STORAGE_KEY = "fazhi.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MsgKey, vars?: Vars) => string;
  /** Pick the language's side of a {zh, en} pair (labels from the server). */
  pick: (label: { zh: string; en: string } | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const first = initialLang();
    setRequestLanguage(first);
    return first;
  });
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = translate(lang, "app.name");
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        setRequestLanguage(next);
        setLangState(next);
      },
      t: (key, vars) => translate(lang, key, vars),
      pick: (label, fallback = "") => (label ? label[lang] : fallback),
    }),
    [lang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
