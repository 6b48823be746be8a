package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
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

    public static ParticipationCertificate certificate() {
        return new ParticipationCertificate("杭州市社会保险服务中心", "参保证明", "编号：CBZM202600001234",
                "兹证明 " + NAME + "（公民身份号码 330106********3218，男，1961年7月29日出生）在本中心参加社会保险，"
                        + "参保情况如下。",
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
            case CREDENTIAL_SLIP -> slip();
        };
    }

    public static CredentialSlip slip() {
        return new CredentialSlip("杭州市社会保险服务中心", "网上服务账号开通通知", "用户名", "ouyangkz2026", "初始密码",
                "Hk7mPq2Wxz", "权限范围", "网上业务办理", "本账号已生效。",
                "请登录网上服务大厅，首次登录时必须修改初始密码。初始密码 30 日内有效，逾期请携带身份证到窗口重新办理。",
                "办理窗口：3 号窗口  经办人：陈静  日期：2026年11月27日");
    }
}
