package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in sample data for every template ({@code samples} command, README pictures, tests), with the
 * characters that break fonts: rare characters and a compound surname. Synthetic people only.
 */
public final class SampleDocuments {

    public static final String NAME = "欧阳堃喆";
    public static final String QR = "CBZM202600001234|K7PQ2WXM";

    private SampleDocuments() {
    }

    public static final String ID_NUMBER = "330106196107293218";

    public static ParticipationCertificate certificate() {
        return certificate(false);
    }

    public static ParticipationCertificate certificate(boolean fullIdNumber) {
        return new ParticipationCertificate("杭州市社会保险服务中心", "参保证明", "编号：CBZM202600001234",
                new ParticipationCertificate.Person("姓名", NAME, "公民身份号码", ID_NUMBER, "性别", "男", "出生日期", "1961年7月29日"),
                fullIdNumber, "兹证明上述人员在本中心参加社会保险，参保情况如下。",
                "现单位：杭州昇玥科技有限公司", "险种", "参保状态", "首次参保日期", "累计缴费月数",
                List.of(new ParticipationCertificate.Line("企业职工基本养老保险", "正常参保", "1992年1月1日", "398"),
                        new ParticipationCertificate.Line("职工基本医疗保险", "正常参保", "2001年1月1日", "310"),
                        new ParticipationCertificate.Line("失业保险", "正常参保", "1992年1月1日", "398"),
                        new ParticipationCertificate.Line("工伤保险", "正常参保", "2005年1月1日", "262"),
                        new ParticipationCertificate.Line("生育保险", "正常参保", "2001年1月1日", "310")),
                "特此证明。本证明自开具之日起三个月内有效。", "2026年11月27日",
                "验证码 K7PQ2WXM：扫描二维码或登录网上服务大厅核验本证明。", "证明专用章", QR);
    }

    public static ReportData of(ReportTemplate template) {
        return switch (template) {
            case PARTICIPATION_CERTIFICATE -> certificate();
            case RIGHTS_RECORD_STATEMENT -> statement();
            case CREDENTIAL_SLIP -> slip();
            case DRUG_DECISION_NOTICE -> decision();
            case PENSION_STATEMENT -> pensions();
            case ACCESS_STATEMENT -> accesses();
            case AUDIT_EXTRACT -> auditExtract();
        };
    }

    public static AccessStatement accesses() {
        return new AccessStatement("杭州市社会保险服务中心", "个人档案查阅记录告知单", "参保人：欧阳可卓　身份证号：330106********1234\n"
                + "统计期间：2025年12月1日至2026年11月30日", "时间", "地点", "经办人", "用途", "事项",
                List.of(new AccessStatement.Access("2026-11-27 09:12", "西湖服务大厅 HZ-XH-03", "陈（工号 chenjing）", "本人持身份证到窗口办理", "查阅档案"),
                        new AccessStatement.Access("2026-11-27 09:15", "西湖服务大厅 HZ-XH-03", "陈（工号 chenjing）", "本人持身份证到窗口办理", "打印参保证明"),
                        new AccessStatement.Access("2026-10-08 14:40", "自助终端 HZ-XH-K1", "本人", "本人自助查询", "查阅档案")),
                "共 3 次。以上为本中心各窗口及自助终端查阅、打印您档案的全部记录。如有疑问，请向服务大厅主管咨询。", "第", "2026年11月27日　编号 HZ-XH-03-20261127-0007");
    }

    public static AuditExtract auditExtract() {
        return new AuditExtract("杭州市社会保险服务中心", "审计记录摘录", "范围：本窗口 HZ-XH-03　时间：2026-11-01 00:00 至 2026-11-27 18:00　事项：查阅档案",
                "序号", "时间", "窗口", "工作人员", "事项", "对象", "用途", "结果",
                List.of(new AuditExtract.Event("1021", "2026-11-27 09:12:40", "HZ-XH-03", "陈静", "查阅档案", "参保人 5f0c9a2e…",
                                "本人持身份证到窗口办理", "成功"),
                        new AuditExtract.Event("1022", "2026-11-27 09:15:02", "HZ-XH-03", "陈静", "打印参保证明", "参保人 5f0c9a2e…",
                                "本人持身份证到窗口办理", "成功")),
                "共 2 条。导出时链头：序号 1188，哈希 9c1f…　文件的 SHA-256 见随附清单。", "第", "2026年11月27日　导出人 chenjing");
    }

    public static CredentialSlip slip() {
        return new CredentialSlip("杭州市社会保险服务中心", "网上服务账号开通通知", "用户名", "ouyangkz2026", "初始密码",
                "Hk7mPq2Wxz", "权限范围", "网上业务办理", "本账号已生效。",
                "请登录网上服务大厅，首次登录时必须修改初始密码。初始密码 30 日内有效，逾期请携带身份证到窗口重新办理。",
                "办理窗口：3 号窗口  经办人：陈静  日期：2026年11月27日");
    }

    public static DrugDecisionNotice decision() {
        return new DrugDecisionNotice("杭州市社会保险服务中心", "特殊药品使用申请审批决定书", "编号：TYSP2026000321",
                "申请人：" + NAME + "（公民身份号码 330106********3218）",
                "申请药品：甲磺酸奥希替尼片 80mg×30片\n诊断：C34.9 肺恶性肿瘤\n就诊医院：浙江省肿瘤医院  处方医师：司马玥",
                "审批结果：核准", "经审核，申请材料齐全，诊断符合该药品限定支付范围。",
                "有效期：2026年12月1日至2027年11月30日，年度支付限额 60,000.00 元。",
                "如对本决定不服，可自收到本决定书之日起六十日内申请行政复议，或六个月内提起行政诉讼。",
                "审批人：赵敏\n2026年11月27日", "验证码 Q3MZ8KTR：扫描二维码或登录网上服务大厅核验。", "业务专用章",
                "TYSP2026000321|Q3MZ8KTR");
    }

    public static PensionStatement pensions() {
        List<PensionStatement.Payment> payments = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            BigDecimal total = new BigDecimal("4284.00");
            payments.add(new PensionStatement.Payment("2026年" + m + "月", new BigDecimal("2141.80"),
                    new BigDecimal("856.80"), new BigDecimal("1285.40"), total, "2026-" + String.format("%02d", m) + "-10"));
        }
        return new PensionStatement("杭州市社会保险服务中心", "养老金发放明细（2026年度）",
                "姓名：" + NAME + "    公民身份号码：330106********3218\n退休日期：2021年8月1日    发放银行：中国工商银行杭州分行",
                "月份", "基础养老金", "个人账户养老金", "过渡性养老金", "合计", "发放日期", payments, "全年合计",
                "待遇调整：2026年1月起按 2.0% 调整，月养老金由 4,200.00 元调整为 4,284.00 元。", "2026年11月27日");
    }

    public static RightsRecordStatement statement() {
        List<RightsRecordStatement.Month> months = new ArrayList<>();
        String[][] types = {{"企业职工基本养老保险", "0.16", "0.08"}, {"职工基本医疗保险", "0.09", "0.02"},
            {"失业保险", "0.005", "0.005"}, {"工伤保险", "0.004", "0"}, {"生育保险", "0.005", "0"}};
        BigDecimal base = new BigDecimal("8650.00");
        for (String[] t : types) {
            for (int m = 1; m <= 12; m++) {
                boolean arrears = m >= 11;
                months.add(new RightsRecordStatement.Month(t[0], "2025年" + m + "月", base,
                        base.multiply(new BigDecimal(t[1])).setScale(2, RoundingMode.HALF_UP),
                        base.multiply(new BigDecimal(t[2])).setScale(2, RoundingMode.HALF_UP),
                        arrears ? "欠缴" : "已缴"));
            }
        }
        return new RightsRecordStatement("杭州市社会保险服务中心", "个人权益记录单（2025年度）",
                "姓名：" + NAME + "    公民身份号码：330106********3218\n单位：杭州昇玥科技有限公司",
                "缴费月份", "缴费基数", "单位缴纳", "个人缴纳", "缴费状态", months, "小计",
                "累计缴费年限：33年2个月    个人账户余额：186,420.55 元    欠缴金额合计：4,844.00 元（2025年11月至12月）\n"
                        + "编号 QYJL202600000877  验证码 M3RT8KQW：扫描二维码或在工作站“证明核验”中核验本证明。",
                "第", "2026年11月27日", "QYJL202600000877|M3RT8KQW");
    }
}
