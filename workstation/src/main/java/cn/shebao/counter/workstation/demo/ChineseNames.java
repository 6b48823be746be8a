package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.device.id.Gender;
import java.util.random.RandomGenerator;

/**
 * Synthetic Chinese names: surnames drawn with their approximate national frequencies (2020 census,
 * per ten thousand), some compound surnames, one- and two-character given names, and now and then a
 * rare character (堃 喆 昇 玥 ...) so fonts and search are exercised by the data, not only by tests.
 */
final class ChineseNames {

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
        "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹", "彭", "曾", "肖", "田", "董", "潘",
        "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜",
        "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白", "孟", "秦",
        "邱", "侯", "江", "尹", "薛", "闫", "段", "雷", "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵",
        "万", "钱", "戴", "严", "莫", "孔", "向", "常",
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容",
    };
    private static final int[] WEIGHTS = {
        712, 700, 674, 510, 461, 322, 245, 229, 205, 202, 162, 156, 147, 126, 121, 116, 109, 92,
        89, 86, 79, 74, 60, 59, 58, 56, 55, 54, 54, 53, 52, 50, 49, 48, 47, 46,
        46, 45, 44, 43, 43, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29,
        28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
        10, 10, 10, 9, 9, 9, 8, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 7,
        6, 6, 6, 6, 6, 5, 5, 5,
        2, 1, 1, 1, 1, 1, 1, 1,
    };
    private static final int[] CUMULATIVE = new int[WEIGHTS.length];

    static {
        if (WEIGHTS.length != SURNAMES.length) {
            throw new IllegalStateException("surname weights out of step");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i];
            CUMULATIVE[i] = sum;
        }
    }

    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰建国文志海东晨阳博轩睿子天泽昊然宏翔毅";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀玲燕萍红婷雪琳晶颖倩洁莉慧佳欣怡琪梦思雨萱涵悦瑶婧妍露蕾薇月兰凤梅英桂淑";
    /** Characters outside everyday fonts' comfort zone, all in the basic CJK block. */
    static final String RARE = "堃喆昇玥垚赟珺璟彧淼犇翀";

    private ChineseNames() {
    }

    static String name(RandomGenerator random, Gender gender) {
        String pool = gender == Gender.MALE ? MALE : FEMALE;
        StringBuilder name = new StringBuilder(surname(random));
        int givenLength = random.nextInt(100) < 22 ? 1 : 2;
        for (int i = 0; i < givenLength; i++) {
            if (random.nextInt(1000) < 8) {
                name.append(RARE.charAt(random.nextInt(RARE.length())));
            } else {
                name.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return name.toString();
    }

    static String surname(RandomGenerator random) {
        int pick = random.nextInt(CUMULATIVE[CUMULATIVE.length - 1]);
        for (int i = 0; i < CUMULATIVE.length; i++) {
            if (pick < CUMULATIVE[i]) {
                return SURNAMES[i];
            }
        }
        throw new AssertionError("unreachable");
    }
}
