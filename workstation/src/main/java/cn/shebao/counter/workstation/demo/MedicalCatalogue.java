package cn.shebao.counter.workstation.demo;

import java.math.BigDecimal;
import java.util.List;

/** Hospitals, diagnoses, specified diseases and special drugs used by the demo data; real names, synthetic use. */
final class MedicalCatalogue {

    record Diagnosis(String code, String name) {
    }

    record Drug(String code, String name, String specification, String indications, int limit, boolean needsRegistration) {
        BigDecimal reimbursementLimit() {
            return BigDecimal.valueOf(limit).setScale(2);
        }
    }

    static final List<String> HOSPITALS = List.of(
            "浙江大学医学院附属第一医院", "浙江大学医学院附属第二医院", "浙江大学医学院附属邵逸夫医院",
            "浙江省人民医院", "浙江省中医院", "浙江省肿瘤医院", "杭州市第一人民医院", "杭州市中医院",
            "杭州市西溪医院", "杭州市第三人民医院", "杭州市萧山区第一人民医院", "杭州市余杭区第一人民医院",
            "西湖区北山街道社区卫生服务中心", "拱墅区米市巷街道社区卫生服务中心", "滨江区长河街道社区卫生服务中心");

    static final List<Diagnosis> COMMON = List.of(
            new Diagnosis("I10", "原发性高血压"), new Diagnosis("E11.9", "2型糖尿病"), new Diagnosis("J18.9", "肺炎"),
            new Diagnosis("K29.7", "胃炎"), new Diagnosis("J06.9", "急性上呼吸道感染"), new Diagnosis("M54.5", "腰痛"),
            new Diagnosis("I25.1", "冠状动脉粥样硬化性心脏病"), new Diagnosis("N39.0", "泌尿道感染"),
            new Diagnosis("K80.2", "胆囊结石"), new Diagnosis("S52.5", "桡骨下端骨折"), new Diagnosis("H25.9", "老年性白内障"));

    /** Specified (chronic or severe) diseases that have outpatient registration in Zhejiang. */
    static final List<Diagnosis> SPECIFIED = List.of(
            new Diagnosis("C34.9", "肺恶性肿瘤"), new Diagnosis("C50.9", "乳腺恶性肿瘤"), new Diagnosis("C16.9", "胃恶性肿瘤"),
            new Diagnosis("C22.0", "肝细胞癌"), new Diagnosis("C83.3", "弥漫大B细胞淋巴瘤"), new Diagnosis("C90.0", "多发性骨髓瘤"),
            new Diagnosis("C92.1", "慢性髓样白血病"), new Diagnosis("N18.5", "慢性肾脏病5期（透析）"),
            new Diagnosis("Z94.0", "肾移植状态"), new Diagnosis("D66", "遗传性凝血因子Ⅷ缺乏（血友病A）"),
            new Diagnosis("F20.9", "精神分裂症"), new Diagnosis("M05.9", "类风湿关节炎"), new Diagnosis("L40.0", "寻常型银屑病"),
            new Diagnosis("M32.9", "系统性红斑狼疮"));

    static final List<Drug> DRUGS = List.of(
            new Drug("TY-XD-001", "甲磺酸奥希替尼片", "80mg×30片", "C34", 60000, true),
            new Drug("TY-XD-002", "注射用曲妥珠单抗", "440mg/瓶", "C50,C16", 50000, true),
            new Drug("TY-XD-003", "利妥昔单抗注射液", "500mg/50ml", "C82,C83,C85", 40000, true),
            new Drug("TY-XD-004", "来那度胺胶囊", "25mg×21粒", "C90", 45000, true),
            new Drug("TY-XD-005", "甲磺酸伊马替尼片", "100mg×60片", "C92", 30000, true),
            new Drug("TY-XD-006", "信迪利单抗注射液", "100mg/10ml", "C34,C22,C16,C81", 50000, true),
            new Drug("TY-XD-007", "注射用重组人凝血因子Ⅷ", "250IU/瓶", "D66", 80000, true),
            new Drug("TY-XD-008", "阿达木单抗注射液", "40mg/0.8ml", "M05,M45,L40,K50", 25000, false),
            new Drug("TY-XD-009", "司库奇尤单抗注射液", "150mg/1ml", "L40,M45", 25000, false),
            new Drug("TY-XD-010", "枸橼酸托法替布片", "5mg×28片", "M05", 12000, false),
            new Drug("TY-XD-011", "依洛尤单抗注射液", "140mg/1ml", "E78", 10000, false),
            new Drug("TY-XD-012", "度普利尤单抗注射液", "300mg/2ml", "L20", 20000, false),
            new Drug("TY-XD-013", "他克莫司胶囊", "1mg×50粒", "Z94", 15000, true));

    static final List<String> REJECTION_REASONS = List.of(
            "诊断与药品限定支付范围不符", "缺少病理诊断报告", "已有同药品有效备案", "未办理规定病种登记");

    private MedicalCatalogue() {
    }
}
