package org.mianshen.batch;

import org.mianshen.reference.Uscc;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * A seeded generator of registry exports as a bureau gives them (issue 10): a USCC and a name, and in the second form
 * also the registry's region column and 企业类型. Same seed, same file. The mix follows what a real 3,000-row export of
 * 河南, 云南, 山西, 广东, 四川 held: mostly 91 enterprises (companies, some 个人独资 and 合伙 enterprises, branches), 92
 * individual businesses, 93 cooperatives, and non-enterprise bodies (11 机关, 12 事业单位, 51 社会团体, 52 民办非企业单位,
 * 53 基金会, 81 工会); registering offices' codes that are current counties, prefecture- and province-level offices,
 * 市辖区 codes, and codes retired since (长垣县 410728, 许昌县 411023, 双流县 510122, 呈贡县 530121, 大同南郊区 140211,
 * 简阳市 512081, …). Nothing else is known about these rows, which is the point: the engine must make what it can of
 * the USCC and say what it cannot.
 */
public final class ExportGenerator {
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Current county-level codes of the five provinces (河南 新乡/许昌, 云南 昆明, 山西 大同, 广东 广州, 四川 成都). */
    static final String[] COUNTIES = {"410702", "410703", "410711", "410721", "410724", "410725", "410726", "410727",
            "410781", "410782", "410783", "411002", "411003", "411024", "411081", "530102", "530103", "530111", "530112",
            "530114", "530124", "530181", "140212", "140213", "140214", "140215", "140221", "140226", "440103", "440104",
            "440106", "440111", "440113", "440118", "510104", "510107", "510116", "510117", "510181", "510185"};
    /** Codes no longer in use (reference/regions/history.csv). */
    static final String[] RETIRED = {"410728", "411023", "510122", "530121", "140211", "140202", "140227", "512081",
            "510124", "530122", "440183", "440184", "410224", "411222"};
    /** 市辖区 summary codes of prefecture-level cities. */
    static final String[] SHIXIAQU = {"440101", "410701", "530101", "140201", "510101"};
    /** Prefecture- and province-level registering offices. */
    static final String[] PREFECTURES = {"410700", "411000", "530100", "140200", "440100", "510100"};
    static final String[] PROVINCES = {"410000", "530000", "140000", "440000", "510000"};

    private static final String[] HEAD = {"华", "宏", "鑫", "盛", "隆", "泰", "福", "顺", "兴", "永", "锦", "嘉", "恒", "瑞", "丰",
            "和", "新", "德", "安", "康", "金", "源", "通", "达"};
    private static final String[] TRADE = {"商贸", "机械", "科技", "食品", "物流", "建材", "电子", "农业", "服饰", "信息", "印务",
            "汽配", "文化"};
    private static final String[] PLACE = {"新乡", "许昌", "昆明", "大同", "广州", "成都", "长垣", "获嘉"};

    /** A place word for the name that fits the registering office (names carry their 行政区划). */
    private static String place(String region) {
        return switch (region.substring(0, 4)) {
            case "4107" -> region.startsWith("41072") && region.endsWith("8") || region.equals("410783") ? "长垣"
                    : region.equals("410724") ? "获嘉" : "新乡";
            case "4110" -> "许昌";
            case "4102" -> "开封";
            case "4112" -> "三门峡";
            case "5301" -> "昆明";
            case "1402" -> "大同";
            case "4401" -> "广州";
            case "5101" -> "成都";
            case "5120" -> "简阳";
            default -> switch (region.substring(0, 2)) {
                case "41" -> "河南"; case "53" -> "云南"; case "14" -> "山西"; case "44" -> "广东"; case "51" -> "四川";
                default -> "中原";
            };
        };
    }

    private final SplittableRandom rnd;

    public ExportGenerator(long seed) { this.rnd = new SplittableRandom(seed); }

    /**
     * Writes {@code n} rows of CSV: {@code uscc,name}, or with {@code withRegion} {@code uscc,name,regionCode,registrationType}
     * (the region column is the registry's own: blank for some rows, the USCC's code, retired ones included, for most).
     */
    public void write(long n, boolean withRegion, Writer w) throws IOException {
        w.write(withRegion ? "uscc,name,regionCode,registrationType\n" : "uscc,name\n");
        for (long i = 0; i < n; i++) {
            Row r = row(i);
            w.write(r.uscc);
            w.write(',');
            w.write(r.name);
            if (withRegion) {
                w.write(',');
                w.write(registryRegion(r.region));
                w.write(',');
                w.write(r.type);
            }
            w.write('\n');
        }
    }

    /**
     * The registry's own region field: blank for 10 % of rows; for 80 % the registering office's code as stored at
     * registration (retired and 市辖区 codes kept), or for a prefecture or province office a county under it; for 10 %
     * another current county (the firm moved, or the field was edited): a contradiction the engine must report.
     */
    private String registryRegion(String office) {
        double x = rnd.nextDouble();
        if (x < 0.10) return "";
        if (x < 0.90) {
            if (!office.endsWith("00")) return office;
            String prefix = office.endsWith("0000") ? office.substring(0, 2) : office.substring(0, 4);
            for (int tries = 0; tries < 50; tries++) {
                String c = pick(COUNTIES);
                if (c.startsWith(prefix)) return c;
            }
            return "";
        }
        return pick(COUNTIES);
    }

    private record Row(String uscc, String name, String region, String type) {}

    private Row row(long i) {
        double k = rnd.nextDouble();
        String region = region();
        String place = place(region);
        String firm = pick(HEAD) + pick(HEAD) + pick(TRADE);
        String kind, name, type;
        if (k < 0.55) { kind = "91"; name = place + firm + "有限公司"; type = "有限责任公司(自然人投资或控股)"; }
        else if (k < 0.58) { kind = "91"; name = place + firm + "股份有限公司"; type = "股份有限公司(非上市、自然人投资或控股)"; }
        else if (k < 0.62) { kind = "91"; name = place + "市" + pick(HEAD) + pick(HEAD) + pick(new String[]{"五金厂", "商行", "加工厂", "经营部"}); type = "个人独资企业"; }
        else if (k < 0.65) { kind = "91"; name = place + firm + "中心（" + (rnd.nextBoolean() ? "普通合伙" : "有限合伙") + "）"; type = rnd.nextBoolean() ? "普通合伙企业" : "有限合伙企业"; }
        else if (k < 0.71) { kind = "91"; name = pick(PLACE) + firm + "有限公司" + place + "分公司"; type = "有限责任公司分公司(自然人投资或控股)"; }
        else if (k < 0.85) { kind = "92"; name = place + "市" + pick(HEAD) + pick(HEAD) + pick(new String[]{"餐馆", "便利店", "理发店", "五金店", "水果店"}); type = "个体工商户"; }
        else if (k < 0.89) { kind = "93"; name = place + pick(HEAD) + pick(HEAD) + pick(new String[]{"种植", "养殖", "农机"}) + "专业合作社"; type = "农民专业合作社"; }
        else if (k < 0.90) { kind = "11"; name = place + "市" + pick(new String[]{"农业农村局", "文化广电和旅游局", "统计局"}); type = "机关"; }
        else if (k < 0.93) { kind = "12"; name = place + "市" + pick(new String[]{"第二人民医院", "实验中学", "农业技术推广中心", "公共资源交易中心"}); type = "事业单位"; }
        else if (k < 0.95) { kind = "51"; name = place + "市" + pick(TRADE) + "协会"; type = "社会团体"; }
        else if (k < 0.97) { kind = "52"; name = place + "市" + pick(HEAD) + pick(HEAD) + "职业培训学校"; type = "民办非企业单位"; }
        else if (k < 0.975) { kind = "53"; name = place + "市" + pick(HEAD) + pick(HEAD) + "教育基金会"; type = "基金会"; }
        else { kind = "81"; name = place + firm + "有限公司工会委员会"; type = "工会"; }
        StringBuilder body = new StringBuilder(8);
        body.append(String.format("%02d", (int) (i % 100))); // unique-ish and stable; the rest random
        for (int j = 2; j < 8; j++) body.append(USCC_CHARS.charAt(rnd.nextInt(USCC_CHARS.length())));
        return new Row(Uscc.withCheckCharacters(kind + region + body), name, region, type);
    }

    /** Registering office: 80 % a current county, 5 % retired, 2 % 市辖区, 8 % prefecture-level, 5 % province-level. */
    private String region() {
        double x = rnd.nextDouble();
        if (x < 0.80) return pick(COUNTIES);
        if (x < 0.85) return pick(RETIRED);
        if (x < 0.87) return pick(SHIXIAQU);
        if (x < 0.95) return pick(PREFECTURES);
        return pick(PROVINCES);
    }

    private String pick(String[] xs) { return xs[rnd.nextInt(xs.length)]; }
}
