package cn.shebao.counter.device.id;

import java.util.Set;

/**
 * The province level of GB/T 2260 (codes of the administrative divisions), as the first two digits of an ID number.
 *
 * <p>Only the province is checked, on purpose: a number keeps the county code of where it was first issued, and
 * counties have been merged, renamed and renumbered many times since 1999 (Hangzhou's 330103 下城区 and 330104 江干区
 * are gone since 2021, yet every citizen born there still carries them). A full county list would refuse real
 * people; the province list has not lost a code since 1988 (Hainan 46, Chongqing 50 in 1997) and catches a typed
 * 99 or 00. 81, 82 and 83 are the residence permits of Hong Kong, Macao and Taiwan residents (GB/T 2260 and the
 * 2018 residence-permit rules), 71 Taiwan itself.
 */
final class AdministrativeArea {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", // 北京 天津 河北 山西 内蒙古
            "21", "22", "23", // 辽宁 吉林 黑龙江
            "31", "32", "33", "34", "35", "36", "37", // 上海 江苏 浙江 安徽 福建 江西 山东
            "41", "42", "43", "44", "45", "46", // 河南 湖北 湖南 广东 广西 海南
            "50", "51", "52", "53", "54", // 重庆 四川 贵州 云南 西藏
            "61", "62", "63", "64", "65", // 陕西 甘肃 青海 宁夏 新疆
            "71", "81", "82", "83"); // 台湾 香港 澳门, 83: 台湾居民居住证

    private AdministrativeArea() {
    }

    static boolean isProvince(String twoDigits) {
        return PROVINCES.contains(twoDigits);
    }
}
