package cn.shebao.counter.device.card;

import java.util.Map;

/** GB 3304 nationality codes as printed on the card. */
public final class Nations {

    private static final String[] NAMES = {"汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
        "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水",
        "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
        "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};
    private static final Map<String, String> OTHER = Map.of("97", "其他", "98", "外国血统中国籍人士");

    private Nations() {
    }

    /** The nation's name for a two-digit code, or null for an unknown code. */
    public static String name(String code) {
        if (code == null || code.length() != 2 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
            return null;
        }
        int n = Integer.parseInt(code);
        if (n >= 1 && n <= NAMES.length) {
            return NAMES[n - 1];
        }
        return OTHER.get(code);
    }
}
