package cn.keyaccount.demo;

import cn.keyaccount.customer.CreditCode;
import java.util.List;
import java.util.Random;

/** Believable Chinese names, numbers and equipment for the demo company. All values are invented. */
final class DemoNames {

    record Industry(String code, String name, String suffix, double voltageKv, int minKva, int maxKva,
                    String tariff, String importance) {
    }

    record TransformerType(int kva, double p0, double pk) {
    }

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("C26", "化学原料和化学制品制造业", "化工有限公司", 35, 8000, 40000, "大工业用电", "SECOND"),
            new Industry("C31", "黑色金属冶炼和压延加工业", "钢铁有限公司", 110, 20000, 80000, "大工业用电", "SECOND"),
            new Industry("C30", "非金属矿物制品业", "建材有限公司", 10, 2000, 12000, "大工业用电", "NORMAL"),
            new Industry("C39", "计算机、通信和其他电子设备制造业", "电子科技有限公司", 10, 1250, 8000, "大工业用电", "NORMAL"),
            new Industry("C36", "汽车制造业", "汽车零部件有限公司", 10, 2000, 10000, "大工业用电", "NORMAL"),
            new Industry("C13", "农副食品加工业", "食品有限公司", 10, 630, 4000, "大工业用电", "NORMAL"),
            new Industry("C17", "纺织业", "纺织有限公司", 10, 800, 5000, "大工业用电", "NORMAL"),
            new Industry("C27", "医药制造业", "制药有限公司", 10, 1000, 6000, "大工业用电", "SECOND"),
            new Industry("I65", "软件和信息技术服务业", "数据科技有限公司", 20, 4000, 20000, "大工业用电", "FIRST"),
            new Industry("F52", "零售业", "商业广场有限公司", 10, 800, 4000, "一般工商业用电", "NORMAL"),
            new Industry("Q84", "卫生", "医院", 10, 1000, 5000, "一般工商业用电", "FIRST"),
            new Industry("N77", "水利管理业", "自来水有限公司", 10, 630, 3150, "一般工商业用电", "FIRST"),
            new Industry("P83", "教育", "职业技术学院", 10, 630, 2500, "一般工商业用电", "SECOND"),
            new Industry("G54", "道路运输业", "公共交通有限公司", 10, 630, 2000, "一般工商业用电", "NORMAL"),
            new Industry("A01", "农业", "农业发展有限公司", 0.4, 200, 630, "农业生产用电", "NORMAL"));

    /** S13 distribution transformers and larger main transformers: rated kVA, P0 kW, Pk kW. */
    static final List<TransformerType> TRANSFORMERS = List.of(
            new TransformerType(315, 0.34, 3.83), new TransformerType(400, 0.41, 4.52),
            new TransformerType(500, 0.48, 5.41), new TransformerType(630, 0.57, 6.20),
            new TransformerType(800, 0.70, 7.50), new TransformerType(1000, 0.83, 10.30),
            new TransformerType(1250, 0.97, 12.00), new TransformerType(1600, 1.17, 14.50),
            new TransformerType(2000, 1.36, 18.30), new TransformerType(2500, 1.60, 21.20),
            new TransformerType(10000, 8.80, 47.00), new TransformerType(20000, 14.90, 84.00),
            new TransformerType(31500, 21.10, 118.00), new TransformerType(40000, 25.20, 139.00));

    private static final String FIRST = "华恒鑫宏金瑞天东博中长远万新泰永盛国福安嘉宇明正凯海晨荣兴昌隆德信诚伟通达";
    private static final String SECOND = "能信源达鼎丰成方远科城大华世和兴泰福安禾通阳盛纳光辉业利康顺茂创源祥";
    private static final String[] PLACES = {"清河", "江州", "临港", "南湖", "北关", "西郊", "东城", "高新"};
    static final String[] DISTRICTS = {"城关镇", "东城街道", "西郊镇", "开发区", "高新区", "北关街道", "南湖镇", "临港工业园"};
    private static final String[] ROADS = {"人民路", "建设路", "解放路", "工业大道", "科技路", "滨江路", "中山路", "纬二路",
        "经三路", "园区大道"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾";
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
        "明", "超", "秀英", "华", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "文博", "雪梅", "国栋", "丽娟"};
    static final String[] CONTACT_ROLES = {"电气负责人", "能源主管", "电费联系人", "总经理", "企业电工"};

    private final Random random;

    DemoNames(Random random) {
        this.random = random;
    }

    String companyName(Industry industry, int serial) {
        String place = PLACES[random.nextInt(PLACES.length)];
        String brand = "" + FIRST.charAt(random.nextInt(FIRST.length())) + SECOND.charAt(random.nextInt(SECOND.length()));
        if ("Q84".equals(industry.code())) {
            return place + brand + "医院" + (serial % 7 == 0 ? "(分院)" : "");
        }
        if ("P83".equals(industry.code())) {
            return place + brand + industry.suffix();
        }
        return place + brand + industry.suffix();
    }

    String personName() {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN[random.nextInt(GIVEN.length)];
    }

    String mobile() {
        int second = 3 + random.nextInt(7);
        String digits = Integer.toString(random.nextInt(1_000_000_000));
        return "1" + second + "000000000".substring(digits.length()) + digits;
    }

    String address(String district) {
        return "江南省江州市清河县" + district + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(399)) + "号";
    }

    /** A valid unified social credit code: 91 (enterprise) + region 320481 + 9 random + check. */
    String creditCode() {
        StringBuilder sb = new StringBuilder("91320481");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
    }

    String creditRating() {
        int r = random.nextInt(100);
        return r < 25 ? "AAA" : r < 65 ? "AA" : r < 88 ? "A" : r < 97 ? "B" : "C";
    }
}
