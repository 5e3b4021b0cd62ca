package org.mianshen.batch;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.Json;
import org.mianshen.model.Designation;
import org.mianshen.model.EntityType;
import org.mianshen.model.Guarantor;
import org.mianshen.model.Hire;
import org.mianshen.model.HireCategory;
import org.mianshen.model.Equipment;
import org.mianshen.model.Loan;
import org.mianshen.model.LoanKind;
import org.mianshen.model.Premises;
import org.mianshen.model.PremisesOwnership;
import org.mianshen.model.Profile;
import org.mianshen.model.Scale;
import org.mianshen.model.TaxCreditRating;
import org.mianshen.model.VatTaxpayer;
import org.mianshen.reference.Uscc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of realistic registries: the same seed gives the same registry, byte for byte.
 * The mix covers the seed jurisdictions (全国 elsewhere, 云南 53, 大同 1402, 河南 41, 新乡 4107,
 * 获嘉 410724) with real GB/T 2260 county codes, enterprises (91), individual businesses (92) and
 * cooperatives (93), micro to large by 300号 employees and revenue, small-scale and general VAT
 * taxpayers, rented state and private premises, hires, loans, designations, and fields left out
 * (unknown) at realistic rates.
 */
public final class RegistryGenerator {
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] INDUSTRIES_SERVICE = {"5211", "5212", "5123", "5137", "5261", "6210", "6220", "6110",
            "6121", "5431", "5821", "6513", "6512", "7291", "7212", "8010", "8051", "8720", "H", "62", "52"};
    private static final String[] INDUSTRIES_MAKE = {"1391", "1713", "1810", "2438", "2929", "3099", "3441", "3484",
            "3670", "3971", "4090", "C", "34"};
    private static final String[] INDUSTRIES_OTHER = {"4710", "4813", "0111", "0141", "0311", "E"};
    private static final String[] NAME_HEAD = {"华", "宏", "鑫", "盛", "隆", "泰", "福", "顺", "兴", "永", "锦", "嘉", "恒", "瑞",
            "丰", "和", "新", "德", "安", "康", "金", "源", "通", "达", "云", "同", "中", "豫", "滇", "晋"};
    private static final String[] NAME_TRADE = {"商贸", "餐饮", "机械", "科技", "食品", "物流", "建材", "电子", "农业", "服饰",
            "信息", "酒店", "印务", "汽配", "家政", "文化"};
    private static final String[] SHOP = {"餐馆", "小吃店", "便利店", "理发店", "五金店", "粮油店", "水果店", "修理部"};

    private final SplittableRandom rnd;
    private final List<String>[] regions;      // by segment: 0 elsewhere, 1 云南, 2 大同, 3 河南, 4 新乡, 5 获嘉
    private static final double[] SEGMENT_WEIGHTS = {0.34, 0.20, 0.10, 0.12, 0.14, 0.10};

    /**
     * Streams of their own for facts added after the registries were first generated, so that a seed still gives
     * every earlier field exactly as before: {@code extra} for 户籍 of hires and property tax paid, {@code more} for the
     * facts the amount formulas added (payroll, 六税两费, equipment).
     */
    private final SplittableRandom extra, more;

    public RegistryGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
        this.extra = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        this.more = new SplittableRandom(seed ^ 0x6A6D_6F75_6E74L);
        this.regions = loadRegions();
    }

    /** Writes {@code n} profiles to the writer as JSON Lines or CSV (with header). */
    public void write(long n, BatchRunner.Format format, Writer out) throws IOException {
        List<String> header = CsvProfiles.profileHeader();
        ObjectWriter json = Json.MAPPER.writerFor(Profile.class);
        if (format == BatchRunner.Format.CSV) out.write(CsvProfiles.writeRow(header.toArray(String[]::new)));
        for (long i = 0; i < n; i++) {
            Profile p = next();
            if (format == BatchRunner.Format.CSV) out.write(CsvProfiles.toCsv(p, header));
            else { out.write(json.writeValueAsString(p)); out.write('\n'); }
        }
        out.flush();
    }

    /** The next profile. */
    public Profile next() {
        Profile p = new Profile();
        int seg = pick(SEGMENT_WEIGHTS);
        String region = regions[seg].get(rnd.nextInt(regions[seg].size()));
        double kind = rnd.nextDouble();
        EntityType type = kind < 0.30 ? EntityType.INDIVIDUAL_BUSINESS : kind < 0.33 ? EntityType.FARMER_COOPERATIVE : EntityType.ENTERPRISE;
        String prefix = switch (type) { case INDIVIDUAL_BUSINESS -> "92"; case FARMER_COOPERATIVE -> "93"; default -> "91"; };
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) body.append(USCC_CHARS.charAt(rnd.nextInt(USCC_CHARS.length())));
        p.uscc = Uscc.withCheckCharacters(prefix + region + body);
        if (chance(0.05)) p.entityType = type;
        if (chance(0.97)) p.regionCode = region;

        String industry = type == EntityType.FARMER_COOPERATIVE ? pick(new String[]{"0111", "0141", "0311", "A"})
                : type == EntityType.INDIVIDUAL_BUSINESS ? pick(new String[]{"6210", "6220", "5211", "5261", "8051", "8010", "4813", "H"})
                : chance(0.55) ? pick(INDUSTRIES_SERVICE) : chance(0.75) ? pick(INDUSTRIES_MAKE) : pick(INDUSTRIES_OTHER);
        if (chance(0.95)) p.industryCode = industry;

        String head = NAME_HEAD[rnd.nextInt(NAME_HEAD.length)] + NAME_HEAD[rnd.nextInt(NAME_HEAD.length)];
        p.name = switch (type) {
            case INDIVIDUAL_BUSINESS -> head + SHOP[rnd.nextInt(SHOP.length)];
            case FARMER_COOPERATIVE -> head + "种养殖专业合作社";
            default -> head + NAME_TRADE[rnd.nextInt(NAME_TRADE.length)] + (chance(0.8) ? "有限公司" : "股份有限公司");
        };

        // size: micro 60 %, small 25 %, medium 10 %, large 5 % (individual businesses are micro)
        Scale size = type == EntityType.INDIVIDUAL_BUSINESS ? Scale.MICRO
                : new Scale[]{Scale.MICRO, Scale.SMALL, Scale.MEDIUM, Scale.LARGE}[pick(new double[]{0.60, 0.25, 0.10, 0.05})];
        int employees = switch (size) {
            case MICRO -> 1 + rnd.nextInt(type == EntityType.INDIVIDUAL_BUSINESS ? 8 : 19);
            case SMALL -> 10 + rnd.nextInt(90);
            case MEDIUM -> 100 + rnd.nextInt(200);
            case LARGE -> 300 + rnd.nextInt(3000);
        };
        long revenue = Math.round(employees * (150_000L + rnd.nextInt(1_350_000)) / 1000.0) * 1000;
        long assets = Math.round(revenue * (0.3 + rnd.nextDouble() * 1.5) / 1000.0) * 1000;
        if (chance(0.92)) p.employees = employees;
        if (chance(0.90)) p.operatingRevenueYuan = revenue;
        if (chance(0.85)) p.totalAssetsYuan = assets;
        if (chance(0.10)) p.scale = size;

        boolean small = size == Scale.MICRO || size == Scale.SMALL;
        VatTaxpayer vat = small && chance(0.8) ? VatTaxpayer.SMALL_SCALE : VatTaxpayer.GENERAL;
        if (chance(0.90)) p.vatTaxpayer = vat;
        if (chance(0.85)) p.monthlySalesYuan = revenue / 12;
        if (chance(0.70)) p.annualSalesYuan = revenue;
        if (type == EntityType.ENTERPRISE && chance(0.75))
            p.annualTaxableIncomeYuan = chance(0.2) ? 0L : Math.round(revenue * rnd.nextDouble() * 0.15);
        if (chance(0.80)) p.taxCreditRating = TaxCreditRating.values()[pick(new double[]{0.30, 0.45, 0.15, 0.07, 0.03})];
        if (vat == VatTaxpayer.GENERAL && chance(0.6)) p.excessInputVatYuan = (long) rnd.nextInt(2_000_000);

        if (chance(0.75)) {
            p.designations = new ArrayList<>();
            if (type == EntityType.ENTERPRISE && chance(0.2)) {
                Designation[] d = Designation.values();
                p.designations.add(d[rnd.nextInt(d.length)]);
                if (chance(0.3)) { Designation x = d[rnd.nextInt(d.length)]; if (!p.designations.contains(x)) p.designations.add(x); }
            }
        }
        if (chance(0.70)) {
            p.premises = new ArrayList<>();
            if (chance(0.5)) for (int i = 0, k = 1 + (chance(0.2) ? 1 : 0); i < k; i++) {
                Premises x = new Premises();
                x.ownership = chance(0.35) ? PremisesOwnership.STATE : PremisesOwnership.PRIVATE;
                if (chance(0.95)) x.monthlyRentYuan = (long) (1000 + rnd.nextInt(79) * 1000);
                if (chance(0.3)) x.regionCode = region;
                p.premises.add(x);
            }
        }
        if (chance(0.60)) {
            p.hires = new ArrayList<>();
            if (type != EntityType.FARMER_COOPERATIVE && chance(0.4)) for (int i = 0, k = 1 + rnd.nextInt(2); i < k; i++) {
                Hire h = new Hire();
                h.category = HireCategory.values()[rnd.nextInt(HireCategory.values().length)];
                h.count = 1 + rnd.nextInt(Math.max(1, Math.min(employees, 12)));
                h.contractMonths = new int[]{6, 12, 24, 36}[rnd.nextInt(4)];
                h.socialInsurance = chance(0.85);
                if (chance(0.7)) h.hiredOn = LocalDate.of(2022, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                // 户籍: known for 65 %; of those 70 % local (the enterprise's county), some known only to the province
                if (extra.nextDouble() < 0.65) {
                    double r = extra.nextDouble();
                    h.householdRegion = r < 0.70 ? region : r < 0.85 ? region.substring(0, 2) : "110101";
                }
                p.hires.add(h);
            }
        }
        if (chance(0.70)) p.insuredEmployees = (int) Math.round(employees * (0.6 + rnd.nextDouble() * 0.4));
        if (chance(0.60)) p.layoffRate = chance(0.8) ? BigDecimal.ZERO : BigDecimal.valueOf(rnd.nextInt(150), 3);
        if (chance(0.50)) p.unemploymentInsurancePaidYuan = employees * (300L + rnd.nextInt(500));
        if (chance(0.55)) {
            p.loans = new ArrayList<>();
            if (chance(0.5)) for (int i = 0, k = 1 + (chance(0.25) ? 1 : 0); i < k; i++) {
                Loan l = new Loan();
                l.kind = LoanKind.values()[rnd.nextInt(LoanKind.values().length)];
                l.principalYuan = (long) (100_000 + rnd.nextInt(100) * 100_000);
                if (chance(0.3)) l.creditLineYuan = l.principalYuan * 2;
                if (chance(0.8)) l.maturity = LocalDate.of(2022 + rnd.nextInt(2), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                l.guarantor = Guarantor.values()[pick(new double[]{0.5, 0.3, 0.1, 0.1})];
                if (chance(0.6)) l.annualRatePercent = BigDecimal.valueOf(350 + rnd.nextInt(300), 2);
                if (l.guarantor != Guarantor.NONE && chance(0.6)) l.guaranteeFeeRatePercent = BigDecimal.valueOf(50 + rnd.nextInt(150), 2);
                if (chance(0.1)) l.repaymentDifficulty = true;
                p.loans.add(l);
            }
        }
        if (chance(0.80)) p.establishedOn = LocalDate.of(1995 + rnd.nextInt(28), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        if (type == EntityType.ENTERPRISE && chance(0.30)) p.rdExpenseYuan = Math.round(revenue * rnd.nextDouble() * 0.08);
        // 房产税 paid: known for 40 %; a third of those pay none (no own premises), the rest up to 0.5 % of revenue
        if (extra.nextDouble() < 0.40) p.propertyTaxPaidYuan = extra.nextDouble() < 0.33 ? 0L : Math.round(revenue * extra.nextDouble() * 0.005);
        moreFacts(p, type, employees, revenue);
        return p;
    }

    /** Registries hold these for most enterprises: social-insurance payroll, 六税两费 assessed, equipment bought. */
    private void moreFacts(Profile p, EntityType type, int employees, long revenue) {
        int insured = p.insuredEmployees != null ? p.insuredEmployees : Math.max(1, employees * 4 / 5);
        if (more.nextDouble() < 0.92) p.socialInsurancePayrollYuan = insured * 12L * (3_500 + more.nextInt(65) * 100);
        if (more.nextDouble() < 0.92) p.sixTaxesTwoFeesYuan = Math.round(revenue * (0.001 + more.nextDouble() * 0.005));
        if (p.vatTaxpayer == VatTaxpayer.GENERAL && more.nextDouble() < 0.90)
            p.deductibleInputVatYuan = Math.round(revenue * (0.02 + more.nextDouble() * 0.06));
        if (type != EntityType.INDIVIDUAL_BUSINESS && more.nextDouble() < 0.92) {
            p.equipmentPurchases = new ArrayList<>();
            if (more.nextDouble() < 0.40) for (int i = 0, k = 1 + more.nextInt(3); i < k; i++) {
                Equipment q = new Equipment();
                q.costYuan = more.nextDouble() < 0.12 ? 5_000_000L + more.nextInt(150) * 100_000L : 20_000L + more.nextInt(500) * 5_000L;
                q.depreciationYears = new int[]{3, 4, 5, 10}[more.nextInt(4)];
                double y = more.nextDouble();
                q.acquiredOn = LocalDate.of(y < 0.15 ? 2021 : y < 0.85 ? 2022 : 2023, 1 + more.nextInt(12), 1 + more.nextInt(28));
                p.equipmentPurchases.add(q);
            }
        }
    }

    private boolean chance(double p) { return rnd.nextDouble() < p; }

    private String pick(String[] a) { return a[rnd.nextInt(a.length)]; }

    private int pick(double[] weights) {
        double r = rnd.nextDouble(), acc = 0;
        for (int i = 0; i < weights.length; i++) { acc += weights[i]; if (r < acc) return i; }
        return weights.length - 1;
    }

    /** Real county codes from the bundled GB/T 2260 table, by segment. */
    @SuppressWarnings("unchecked")
    private static List<String>[] loadRegions() {
        List<String>[] out = new List[6];
        for (int i = 0; i < 6; i++) out[i] = new ArrayList<>();
        try (InputStream in = RegistryGenerator.class.getResourceAsStream("/reference/regions/areas.csv")) {
            if (in == null) throw new IllegalStateException("reference/regions/areas.csv missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String code = line.substring(0, line.indexOf(','));
                if (code.length() != 6 || code.endsWith("00")) continue;
                int seg = code.equals("410724") ? 5 : code.startsWith("4107") ? 4 : code.startsWith("41") ? 3
                        : code.startsWith("1402") ? 2 : code.startsWith("53") ? 1 : 0;
                out[seg].add(code);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
