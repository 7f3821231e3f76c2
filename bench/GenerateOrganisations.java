import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongtong.platform.Xlsx;
import org.gongtong.registry.Uscc;

/**
 * Writes an .xlsx of plausible, valid organisations for the import benchmark.
 *
 * <p>Usage (with the project's classpath, see bench/run.sh):
 * {@code java -cp CP bench/GenerateOrganisations.java OUT.xlsx COUNT FIRST_SERIAL}
 *
 * <p>USCCs are made with the application's own {@link Uscc#compose} and are unique per serial,
 * so files made with disjoint serial ranges import side by side.
 */
public class GenerateOrganisations {

    static final String[] KINDS = {"ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "USER", "SERVICE", "FINANCE",
        "RESEARCH", "UNIVERSITY", "GOVERNMENT"};
    static final String[][] COUNTIES = {
        {"371502", "东昌府区"}, {"371503", "茌平区"}, {"371581", "临清市"}, {"371521", "阳谷县"}, {"371522", "莘县"},
        {"371524", "东阿县"}, {"371525", "冠县"}, {"371526", "高唐县"}, {"371500", "聊城经济技术开发区"},
        {"371500", "聊城高新技术产业开发区"}, {"371500", "江北水城旅游度假区"}
    };
    static final String[] INDUSTRIES = {"新材料", "高端装备制造", "新能源汽车", "医养健康", "有色金属及深加工", "绿色化工", "纺织服装",
        "文化旅游", "现代高效农业"};
    static final String[] WORDS = {"华信", "鲁西", "金泰", "恒通", "瑞丰", "东昌", "泰和", "宏远", "嘉禾", "凤凰", "运河", "水城"};
    static final String[] SUFFIX = {"有限公司", "股份有限公司", "科技有限公司", "研究院", "服务中心", "合作社"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

    public static void main(String[] args) throws Exception {
        String out = args[0];
        int count = Integer.parseInt(args[1]);
        int first = Integer.parseInt(args[2]);
        Random random = new Random(first);
        List<String> header = List.of(
                "name", "kind", "uscc", "county", "industry", "address", "contactName", "contactPhone", "foundedOn",
                "employees", "annualRevenue", "registeredCapital");
        List<List<?>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int serial = first + i;
            String kind = KINDS[random.nextInt(KINDS.length)];
            String[] county = COUNTIES[random.nextInt(COUNTIES.length)];
            String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
            String type =
                    switch (kind) {
                        case "GOVERNMENT" -> "11";
                        case "UNIVERSITY", "RESEARCH" -> "12";
                        case "SERVICE" -> "52";
                        default -> "91";
                    };
            String uscc = Uscc.compose(type, county[0], String.format("B%07d", serial));
            String name = county[1].substring(0, 2) + WORDS[random.nextInt(WORDS.length)] + industry
                    + SUFFIX[random.nextInt(SUFFIX.length)] + serial;
            rows.add(List.of(
                    name,
                    kind,
                    uscc,
                    county[1],
                    industry,
                    "山东省聊城市" + county[1] + "测试路" + (1 + random.nextInt(500)) + "号",
                    SURNAMES[random.nextInt(SURNAMES.length)] + "经理",
                    "0635-" + (8000000 + random.nextInt(1999999)),
                    LocalDate.of(1995 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString(),
                    10 + random.nextInt(2000),
                    1_000_000L + random.nextInt(200_000_000),
                    500_000L + random.nextInt(50_000_000)));
        }
        try (OutputStream os = new FileOutputStream(out)) {
            Xlsx.write(os, "organisations", header, rows);
        }
        System.out.println("wrote " + count + " organisations (serials " + first + ".." + (first + count - 1)
                + ") to " + out);
    }
}
