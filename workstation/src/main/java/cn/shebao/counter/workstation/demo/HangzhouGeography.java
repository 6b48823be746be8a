package cn.shebao.counter.workstation.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Administrative divisions of Hangzhou with a few real street names each. 330103 (下城) and 330104 (江干)
 * were abolished in 2021 but live on in older ID numbers, so they appear for people born before then.
 */
final class HangzhouGeography {

    record District(String code, String name, List<String> streets, boolean abolished) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("330102", "上城区", List.of("解放路", "清泰街", "望江路", "秋涛路"), false),
            new District("330103", "下城区", List.of("中山北路", "环城北路", "延安路"), true),
            new District("330104", "江干区", List.of("凯旋路", "景芳路", "天城路"), true),
            new District("330105", "拱墅区", List.of("莫干山路", "湖墅南路", "丽水路", "登云路"), false),
            new District("330106", "西湖区", List.of("文三路", "天目山路", "古墩路", "文一路", "曙光路"), false),
            new District("330108", "滨江区", List.of("江南大道", "滨盛路", "长河路", "江虹路"), false),
            new District("330109", "萧山区", List.of("人民路", "市心路", "金城路", "通惠路"), false),
            new District("330110", "余杭区", List.of("文一西路", "五常大道", "良睦路", "荆长大道"), false),
            new District("330111", "富阳区", List.of("金桥路", "桂花路", "富春街"), false),
            new District("330112", "临安区", List.of("衣锦街", "钱王街", "万马路"), false),
            new District("330113", "临平区", List.of("迎宾路", "世纪大道", "人民大道"), false),
            new District("330114", "钱塘区", List.of("学林街", "文泽路", "福城路"), false),
            new District("330122", "桐庐县", List.of("迎春南路", "白云源路"), false),
            new District("330127", "淳安县", List.of("新安大街", "环湖北路"), false),
            new District("330182", "建德市", List.of("严州大道", "新安路"), false));

    /** Where people who moved to Hangzhou were born (the area code in their ID number). */
    static final List<String> ELSEWHERE = List.of("340104", "410102", "360102", "430102", "510104", "330302",
            "330402", "330681", "320106", "310104", "420106", "350203");

    private HangzhouGeography() {
    }

    static District district(RandomGenerator random, boolean bornAfterMerger) {
        while (true) {
            District d = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            if (!(d.abolished() && bornAfterMerger)) {
                return d;
            }
        }
    }

    static District currentDistrict(RandomGenerator random) {
        return district(random, true);
    }

    static String address(RandomGenerator random, District d) {
        String street = d.streets().get(random.nextInt(d.streets().size()));
        return "浙江省杭州市" + d.name() + street + (1 + random.nextInt(600)) + "号"
                + (1 + random.nextInt(30)) + "幢" + (1 + random.nextInt(3)) + "单元" + (101 + random.nextInt(20) * 100
                + random.nextInt(4)) + "室";
    }
}
