/**
 * The Wulong 2020 demo draft: the narrative of the seed report (重庆市武隆区人民政府《关于
 * 2020年度法治政府建设情况的报告》, 武隆府文〔2021〕1号) with every figure a placeholder.
 * Figures whose indicators are still being built (issues 12 and 14) are typed as the
 * seed wrote them ({{key=687}}), and so is the seed's 95.2% of 194, which no whole count
 * gives — the consistency checks flag it. Generated once from the seed text.
 */
import type { ReportDraft } from "../../engines/report/index.ts";

export const WULONG_2020_DRAFT: ReportDraft = {
  number: "武隆府文〔2021〕1号",
  signer: "卢红",
  title: "重庆市武隆区人民政府\n关于2020年度法治政府建设情况的报告",
  addressee: "市政府",
  issuer: "重庆市武隆区人民政府",
  date: "2021-01-15",
  contact: {
    name: "殷加强",
    phone: "13908257027",
  },
  printedBy: "重庆市武隆区人民政府办公室",
  blocks: [
    {
      kind: "paragraph",
      text: "{{year}}年，武隆区法治政府建设工作坚持以习近平新时代中国特色社会主义思想和法治思想为指导，全面贯彻落实党的十九大和十九届二中、三中、四中、五中全会精神，全面落实市委、区委部署的法治政府建设工作各项任务，着力提高全区依法执政、依法行政能力和水平，现将有关情况报告如下。",
    },
    {
      kind: "heading",
      level: 1,
      text: "{{year}}年度法治政府建设工作成效",
    },
    {
      kind: "heading",
      level: 2,
      text: "党政主要负责人切实履行推进法治建设第一责任人职责",
    },
    {
      kind: "paragraph",
      text: "2月14日上午，区委书记黄宗华主持召开十四届区委常委会第116次会议，会议传达学习了中央全面依法治国委员会第三次会议精神，听取区法治政府建设情况汇报。3月4日上午，区委书记、区委全面依法治区委员会组长黄宗华主持召开区委全面依法治区委员会第二次会议，听取《武隆区行政执法有关事项情况》汇报，专题研究部署区委全面依法治区和法治政府相关工作。9月4日，全区克服疫情灾情影响确保如期全面脱贫暨脱贫攻坚“收官大决战”动员部署会议召开，区委书记黄宗华要求，用法治的方式抓好疫情防控，坚决打赢脱贫攻坚战。9月27日，区委书记黄宗华在区会议中心二会议室主持召开十四届区委常委会第142次会议，审议了《关于统筹抓好党内法规执行的工作方案（送审稿）》。",
    },
    {
      kind: "paragraph",
      text: "3月4日，区委副书记、区政府区长卢红在全面依法治区委员会第二次会议上，领学了《重大行政决策程序暂行条例》，对全区法治政府工作提出具体要求。8月10日下午，区政府党组书记、区长卢红主持召开区政府党组（扩大）会议暨区政府第111次常务会议，专题学习了《重庆市重大行政决策程序规定》，要求严格执行重大行政决策法定程序，班子成员及所有公务人员必须严格依法办事，行政案件中负责人全出庭。9月14日，区政府党组书记、区长卢红主持召开区政府党组（扩大）会议暨区政府第114次常务会议，会议学习了习近平总书记在全国抗击新冠肺炎疫情表彰大会上的重要讲话精神，强调了全区上下要持续优化法治化营商环境。",
    },
    {
      kind: "heading",
      level: 2,
      text: "法治政府建设组织领导落实到位",
    },
    {
      kind: "paragraph",
      text: "调整充实了区委全面依法治区委员会。区委书记黄宗华任组长，区委副书记、区政府区长卢红任副组长，区委班子成员及{{committee_member_units}}个相关单位主要负责人任委员。区委全面依法治区委员会下设立法调研协调小组、执法协调小组、司法协调小组、守法普法协调小组，分别由相关区领导任小组组长，区级相关部门和单位为成员，具体负责依法治区和法治政府工作。",
    },
    {
      kind: "paragraph",
      text: "7月，区政府办公室印发了《{{year}}年全区法治政府建设工作要点》，安排部署了{{plan_tasks}}项工作任务。8月，区委全面依法治区委员会办公室对{{inspected_townships}}个街道办事处和乡镇人民政府，以及{{inspected_departments}}个区政府部门和相关单位开展了法治政府建设工作督导督查，{{inspection_tasks_done}}项督查任务基本得到落实；9月，又对{{self_assessed_units}}个部门和单位，开展了法治政府建设自查评估工作，{{assessment_indicators_met}}项指标得到全面落实。",
    },
    {
      kind: "heading",
      level: 2,
      text: "政府职能依法全面履行",
    },
    {
      kind: "paragraph",
      text: "一是全面推行行政审批制度改革。区政府办公室、区委编办、区政务办行文公布了行政审批目录清单。行政许可事项实际办理时间比法定时限平均缩减{{time_reduction_rate=70%以上}}，一体化政务服务平台发布事项网上可办率达{{online_availability_rate=96%}}。{{licensing_items=687}}项行政许可事项中有{{licensing_items_in_centre=619}}项入驻行政服务中心，另设立了人力社保、交巡警、税务{{service_sub_centres=3}}个分中心，入驻率达{{licensing_centre_rate=90.1%}}。设立分领域综合窗口{{domain_windows=9}}个，无差别综合窗口{{comprehensive_windows=3}}个，{{one_window_items=619}}项事项实现“一窗”分类受理，受理率达{{one_window_rate=90.1%}}。{{one_trip_items=100}}个高频事项采用网上办、快递办等方式实现了“最多跑一次”，在行政服务大厅与不动产登记中心窗口推行“一窗受理、并行办理”，已联合办理{{joint_applications=10283}}笔。",
    },
    {
      kind: "paragraph",
      text: "二是动态管理权责清单、负面清单。以武隆政务办发〔2020〕27号发布行政许可事项清单。对本级政府职能部门行政事业性收费目录、收费项目、执行收费标准及收费依据全部收集清理核实，对地方政府行政事业性收费定价项目实行动态调整公布。明确乱收费举报投诉电话12315，及时关注12315平台投诉举报线索和媒体网络舆情，对群众投诉举报的价格违法案件，及时予以查处，保障群众的价格权益。",
    },
    {
      kind: "paragraph",
      text: "三是优化政府组织结构。调整完善并印发了{{unit_duties_district_bodies=55}}个区级党政群机关和{{unit_duties_townships=26}}个乡镇（街道）“三定”规定，明确了各单位主要职责、内设机构职责以及部门之间、部门与乡镇之间的职责划分。建立了以编委会审定、专题会协调部门事权划分的工作机制，召开专题会{{duty_coordination_meetings=6}}次，研究解决部门职责、编制、人员划转相关事项，优化机构设置。",
    },
    {
      kind: "paragraph",
      text: "四是加强事中事后监管。出台了《在全区市场监管领域全面推行部门联合“双随机、一公开”监管工作方案》，切实开展“双随机、一公开”工作，构建以“互联网+”为特征的大数据监管机制。",
    },
    {
      kind: "paragraph",
      text: "五是优化法治化营商环境。区级各部门认真清理现行有效的规章、规范性文件和其他政策措施共计{{business_cleanup_documents=124}}件，并及时向社会公示。构建以规范化服务为导向的引导帮扶机制和以企业信用公开为重点的失信联合惩戒机制，归集信用数据{{credit_records}}条。构建以提升失信成本为抓手的风险防范机制，推动在部分行政管理事项中使用信用记录和信用报告等信用产品，运用信用约束手段改善市场环境。落实{{relief_job_refund_beneficiaries}}家中小企业对新冠肺炎疫情实施援企稳岗返还政策{{relief_job_refund_amount}}元，落实疫情防控期间对{{relief_rent_beneficiaries}}户中小微、个体工商户减免房租{{relief_rent_amount}}元。制定《武隆区开展违规涉企收费专项治理工作方案》，组织涉企收费部门自查自纠，开展物流、认证、检验检测、公共事业等领域经营服务性收费、摊派事项和各类评比达标活动清理工作，实地检查区级部门收费政策执行情况。制定《武隆区外贸专项资金管理实施细则（试行）》，重点支持对外投资合作、营商环境优化、跨境电子商务等项目建设，研究出台外商投资服务事项清单，达到执行外资政策更稳定、办事更透明、发展可预期的目的。",
    },
    {
      kind: "paragraph",
      text: "六是创新社会治理优化公共服务。年检社会组织{{social_orgs_inspected}}个，合格率{{social_orgs_pass_rate=95.2%}}。出台《重庆市武隆区政府购买服务暂行办法》，购买基本公共服务{{service_purchases_basic_public}}个{{service_purchases_basic_public_amount}}元，社会管理性服务{{service_purchases_social_management}}个{{service_purchases_social_management_amount}}元。出台《武隆区全面推开行业协会商会与行政机关脱钩的方案》，实现{{associations_decoupled}}家行业协会商会与行政机关脱钩，脱钩率{{associations_decoupling_rate}}。建成区公共法律服务中心{{legal_service_centres}}个，公共法律服务工作站{{legal_service_workstations}}个。",
    },
    {
      kind: "heading",
      level: 2,
      text: "依法行政制度体系完善",
    },
    {
      kind: "paragraph",
      text: "一是加强行政规范性文件制定和监督管理。行政规范性文件通过重庆市武隆区人民政府官网公开发布{{normative_docs_published=12}}件。共审查文件{{normative_docs_reviewed=73}}件，报备{{normative_docs_filed=11}}件。先后两次对全区以区政府、区政府办公室名义下发的所有规范性文件进行清理，清理出现行有效文件{{cleanup_valid=94}}件，拟废止拟修改文件{{cleanup_repeal_or_amend=24}}件。充分发挥合法性审核机制对确保规范性文件合法有效的把关作用，未经合法性审核或经审核不合法的文件，坚持不提交集体审议。",
    },
    {
      kind: "paragraph",
      text: "二是健全依法决策机制。重大行政决策依法自觉接受人大及其常委会的监督，重大行政决策事项充分听取社会公众意见，并向社会及时反馈意见采纳情况和理由。完善社会稳定风险评估专家库，推行第三方社会稳定风险评估机构推介目录制度，全区{{risk_assessments_filed=101}}个重点项目和重大决策开展了社会稳定风险评估并备案。",
    },
    {
      kind: "heading",
      level: 2,
      text: "行政决策科学化、民主化、法治化",
    },
    {
      kind: "paragraph",
      text: "区委印发了《关于健全人大讨论决定重大事项制度、各级政府重大决策出台前向本级人大报告的实施意见》。区政府印发了《重庆市武隆区人民政府“三重一大”议事决策规则》《重庆市武隆区人民政府常务会议规则》，并聘请了{{legal_advisers=7}}名法律顾问，参与重大行政决策事项。综合考核评价中，武隆在有关科学决策、民主决策、依法决策方面获得满分。",
    },
    {
      kind: "heading",
      level: 2,
      text: "行政执法严格规范公正文明",
    },
    {
      kind: "paragraph",
      text: "一是行政执法体制权责统一、程序规范。组建了市场监管、生态环境保护、文化市场、农业、城市管理、交通运输、规划和自然资源、卫生健康等{{enforcement_bodies_comprehensive_team}}支综合行政执法队伍，核定编制共{{enforcement_posts_comprehensive_team}}名。建立健全公安、市政、工商、民政以及各乡镇的联动协作机制，在{{enforcement_bodies_township_office}}个乡镇（街道）均组建了综合行政执法办公室和综合行政执法大队，实行统筹运行机制，负责辖区内综合行政执法工作，共核定编制{{enforcement_posts_township_office}}名。",
    },
    {
      kind: "paragraph",
      text: "二是全面推行行政执法公示制度。印发了《武隆区全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案的通知》，全区{{enforcement_officers}}名执法人员中，负责法制审核{{enforcement_legal_reviewers}}人，配备执法记录仪及移动执法设备箱等{{enforcement_equipment}}台。",
    },
    {
      kind: "paragraph",
      text: "三是健全行政执法人员管理保障制度。对全区申请办理执法证件的工作人员开展行政执法通用法律知识网络培训{{certificate_applicants_trained}}人。同时，将行政执法经费全额纳入财政预算，严格执行“收支两条线”管理。收入通过非税系统缴入国库，支出通过部门预算、追加等方式纳入财政预算管理。",
    },
    {
      kind: "heading",
      level: 2,
      text: "行政权力制约监督科学有效",
    },
    {
      kind: "paragraph",
      text: "一是自觉接受党内监督、人大监督、监察监督、民主监督、司法监督。{{year}}年人大代表建议办理满意度为{{deputy_satisfaction_rate}}。区政府为被告的行政诉讼案件，行政机关负责人出庭应诉率同比增加{{head_appearance_change}}。重大案件、高关注度案件、行政公益诉讼案件等，行政机关负责人出庭率{{major_appearance_rate}}，全部履行法院生效判决。司法建议办复率达{{judicial_reply_rate}}，检察建议回复率达{{procuratorial_reply_rate}}。",
    },
    {
      kind: "paragraph",
      text: "二是加强行政监督和审计监督。出台了《中共重庆市武隆区审计委员会工作规则》《中共重庆市武隆区审计委员会办公室工作细则》《中共重庆市武隆区审计委员会关于进一步加强审计整改工作的意见》《中共重庆市武隆区审计委员会重大审计事项请示报告实施办法（试行）》，健全了审计管理体制。通过开展大数据审计实现了对全区所有一级预算部门开展部门预算执行审计{{budget_audit_coverage}}，对重大项目、重大政策每季度开展跟踪审计，对政府投资工程建设项目、专项资金等开展专项审计，年度审计工作报告和审计结果报告经区人大常委会审议通过后在区人民政府网站上公开，经济责任审计报告等专门领域审计报告在规定范围内公开。",
    },
    {
      kind: "heading",
      level: 2,
      text: "社会矛盾纠纷依法有效化解",
    },
    {
      kind: "paragraph",
      text: "一是推动矛盾纠纷多元化化解机制。发挥矛盾纠纷人民调解、行政调解、司法调解、访调对接以及社会组织、民间组织的作用。全区调解各类案件{{mediations}}件，调解成功{{mediations_successful}}件，其中调解信访陈年旧案{{mediations_old_petitions}}件，调解协议涉及金额{{mediation_agreement_amount}}元，调解协议已履行{{mediations_performed}}件。",
    },
    {
      kind: "paragraph",
      text: "二是加强行政复议工作。依法畅通行政复议渠道，办理行政复议案件，充分发挥行政复议的监督和救济功能。对区内频发的土地、林木林地权属争议和工伤认定等类别的案件，及时组织现勘和调查{{reconsideration_site_inspections}}次，调查谈话{{reconsideration_interviews}}人次，有效查明事实。{{year}}年以来办结{{reconsideration_concluded}}件案件，均在法定期限内结案，制作并送达法律文书{{reconsideration_documents_served}}件次。行政复议实质纠错率{{reconsideration_correction_rate}}。",
    },
    {
      kind: "paragraph",
      text: "三是加强法治宣传教育。坚持“谁执法谁普法”机制，组织开展宪法宣传周集中宣传教育活动、青少年法治宣传教育和其他法治宣传教育活动。全区法治宣传{{publicity_events}}场{{publicity_attendance}}人次，其中干部法治教育{{publicity_events_officials}}场{{publicity_attendance_officials}}人次，青少年法治教育{{publicity_events_youth}}场{{publicity_attendance_youth}}人次，企业职工法治教育{{publicity_events_workers}}场{{publicity_attendance_workers}}人次，农民法治教育{{publicity_events_farmers}}场{{publicity_attendance_farmers}}人次。建成{{legal_culture_sites}}个法治文化阵地，{{legal_culture_parks}}个法治文化主题城市公园广场。",
    },
    {
      kind: "heading",
      level: 2,
      text: "政府工作人员法治思维和依法行政能力全面提高",
    },
    {
      kind: "paragraph",
      text: "将法治教育纳入政府工作人员必训、定期轮训的必修课，倒逼和激励政府工作人员“法治充电”，树牢法治意识，提升法治能力。开展党校法治轮训，7月7日，副处级干部进修班、中青年干部培训班和科级干部进修班{{party_school_trainees}}名学员参加法治课程培训。全区申请办理执法证件的工作人员全面开展行政执法通用法律知识网络培训，参训率达{{certificate_training_rate}}。全区各级各部门{{internal_study_attendance}}人次参加内部集中学法，同时，全区干部还通过干部网络学院、学习强国等平台深化法治知识学习。",
    },
    {
      kind: "heading",
      level: 1,
      text: "存在问题",
    },
    {
      kind: "paragraph",
      text: "一是全区群众法律意识还需要进一步提高，要加强学法普法力度，不断增强群众法律素质。二是持续强化公职人员服务意识，不断提高服务质量。三是加强文明执法工作，让每一次执法都成为普法的过程。",
    },
    {
      kind: "heading",
      level: 1,
      text: "下一步主要工作安排",
    },
    {
      kind: "paragraph",
      text: "一是深学笃用习近平新时代中国特色社会主义思想和习近平总书记对法治建设系列重要指示、批示精神，全面落实党中央、国务院和市委、市政府关于法治政府建设的各项决策部署和工作要求。",
    },
    {
      kind: "paragraph",
      text: "二是督促各级党政负责人认真履行推进法治建设第一责任人职责，严格执行《重大行政决策程序暂行条例》规定，提高依法行政工作水平。",
    },
    {
      kind: "paragraph",
      text: "三是制定法治政府新一轮建设方案，推进政府法治建设高质量发展。",
    },
    {
      kind: "paragraph",
      text: "四是加强行政规范性文件制定和监督管理，健全备案审查和清理机制。",
    },
    {
      kind: "paragraph",
      text: "五是严格规范文明执法，开展行政执法人员培训，严格执行“行政执法三项制度”，开展案卷评查，严格执行行政执法责任制和错案责任追究制，提高依法行政水平。",
    },
  ],
};
