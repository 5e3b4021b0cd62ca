package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.EntityType;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Grant;
import org.mianshen.model.LegalForm;
import org.mianshen.model.MatchResult;
import org.mianshen.model.Profile;
import org.mianshen.model.Scale;
import org.mianshen.reference.EntityKinds;
import org.mianshen.reference.RiskAreas;
import org.mianshen.reference.Uscc;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry export as a bureau has it (issue 10): a USCC and a name, often no region. The region comes from USCC
 * positions 3-8 through the code history, the kind of body from positions 1-2, the legal form and branch status from
 * the registry type or the name; the measures see them.
 */
class RegistryDerivationTest {
    private static final Deriver DERIVER = new Deriver(LocalDate.of(2022, 6, 30), RiskAreas.none());

    /** A valid USCC with the given department/category pair and registering office's code. */
    static String uscc(String kind, String region) {
        return Uscc.withCheckCharacters(kind + region + "MA4K0X1Y");
    }

    static Profile profile(String uscc) {
        Profile p = new Profile();
        p.uscc = uscc;
        return p;
    }

    // ---- 1. region from the USCC ------------------------------------------------------------------------------

    @Test
    void withoutRegionCodeTheUsccGivesTheCounty() {
        Enterprise e = DERIVER.derive(profile(uscc("91", "410724")));
        assertThat(e.county).isEqualTo("410724");
        assertThat(e.prefecture).isEqualTo("4107");
        assertThat(e.province).isEqualTo("41");
        assertThat(e.regionSource).isEqualTo("USCC");
        assertThat(e.warnings).anyMatch(w -> w.contains("统一社会信用代码第3-8位登记机关代码 410724") && w.contains("河南省新乡市获嘉县"));
    }

    @Test
    void aRegionCodeWinsAndSaysSo() {
        Profile p = profile(uscc("91", "410724"));
        p.regionCode = "410724";
        Enterprise e = DERIVER.derive(p);
        assertThat(e.regionSource).isEqualTo("profile");
        assertThat(e.warnings).isEmpty();
    }

    @Test
    void aRetiredUsccCodeReachesItsSuccessor() {
        Enterprise e = DERIVER.derive(profile(uscc("91", "410728")));       // 长垣县 → 长垣市 (2019)
        assertThat(e.county).isEqualTo("410783");
        assertThat(e.prefecture).isEqualTo("4107");
        assertThat(e.warnings).anyMatch(w -> w.contains("410728") && w.contains("长垣县") && w.contains("2019")
                && w.contains("410783"));
    }

    @Test
    void aRetiredRegionCodeInTheProfileReachesItsSuccessorToo() {
        Profile p = profile(uscc("91", "411023"));
        p.regionCode = "411023";                                               // 许昌县 → 建安区 (2016)
        Enterprise e = DERIVER.derive(p);
        assertThat(e.county).isEqualTo("411003");
        assertThat(e.regionSource).isEqualTo("profile");
        assertThat(e.warnings).anyMatch(w -> w.startsWith("regionCode 411023（许昌县）已于2016年撤销或变更"));
    }

    @Test
    void aMovedCountyIsFiledUnderItsNewPrefecture() {
        Profile p = profile(uscc("91", "512081"));
        p.regionCode = "512081";                                               // 简阳市: 资阳 → 成都 (2016)
        Enterprise e = DERIVER.derive(p);
        assertThat(e.county).isEqualTo("510185");
        assertThat(e.prefecture).isEqualTo("5101");
        assertThat(e.warnings).anyMatch(w -> w.contains("已由资阳市划归四川省成都市"));
    }

    @Test
    void shuangliuChenggongAndNanjiao() {
        assertThat(DERIVER.derive(profile(uscc("91", "510122"))).county).isEqualTo("510116");
        assertThat(DERIVER.derive(profile(uscc("91", "530121"))).county).isEqualTo("530114");
        Enterprise nanjiao = DERIVER.derive(profile(uscc("91", "140211")));
        assertThat(nanjiao.county).isNull();
        assertThat(nanjiao.prefecture).isEqualTo("1402");
        assertThat(nanjiao.warnings).anyMatch(w -> w.contains("现分属") && w.contains("140214") && w.contains("县级措施未评估"));
    }

    @Test
    void aShixiaquCodeIsNotCalledRetired() {
        Enterprise e = DERIVER.derive(profile(uscc("91", "440101")));
        assertThat(e.prefecture).isEqualTo("4401");
        assertThat(e.county).isNull();
        assertThat(e.warnings).anyMatch(w -> w.contains("市辖区")).noneMatch(w -> w.contains("撤销"));
    }

    @Test
    void anUnknownCodeIsToldApartFromARetiredOne() {
        Profile p = profile(uscc("91", "410724"));
        p.regionCode = "419901";
        Enterprise e = DERIVER.derive(p);
        assertThat(e.province).isEqualTo("41");
        assertThat(e.prefecture).isNull();
        assertThat(e.warnings).anyMatch(w -> w.contains("419901") && w.contains("也不是已撤销的历史代码"))
                .noneMatch(w -> w.contains("419901") && w.contains("已于"));
    }

    @Test
    void aProvinceLevelUsccGivesTheProvinceOnly() {
        Enterprise e = DERIVER.derive(profile(uscc("91", "530000")));
        assertThat(e.province).isEqualTo("53");
        assertThat(e.prefecture).isNull();
        assertThat(e.county).isNull();
        assertThat(e.warnings).anyMatch(w -> w.contains("530000") && w.contains("省级代码") && w.contains("云南省"));
    }

    @Test
    void aNationalRegistrationGivesNoRegion() {
        Enterprise e = DERIVER.derive(profile(uscc("91", "100000")));
        assertThat(e.province).isNull();
        assertThat(e.regionSource).isNull();
    }

    @Test
    void aRegionCodeThatContradictsTheUsccIsAWarningNamingBoth() {
        Profile p = profile(uscc("91", "330106"));                            // 杭州西湖区
        p.regionCode = "410724";
        Enterprise e = DERIVER.derive(p);
        assertThat(e.county).isEqualTo("410724");
        assertThat(e.warnings).anyMatch(w -> w.contains("regionCode 410724") && w.contains("330106") && w.contains("不在同一地区"));
    }

    @Test
    void aPrefectureOfficeRegisteringACountyFirmIsNoContradiction() {
        Profile p = profile(uscc("91", "410700"));
        p.regionCode = "410724";
        assertThat(DERIVER.derive(p).warnings).noneMatch(w -> w.contains("不在同一地区"));
        Profile q = profile(uscc("91", "410728"));                           // the old code of the same county
        q.regionCode = "410783";
        assertThat(DERIVER.derive(q).warnings).noneMatch(w -> w.contains("不在同一地区"));
    }

    @Test
    void localMeasuresReachAFirmWhoseRegionCameFromTheUscc() {
        Profile p = profile(uscc("91", "410728"));                            // 长垣县 code: 新乡 measures apply
        p.name = "长垣县恒通机械有限公司";
        p.industryCode = "3411"; p.employees = 50; p.operatingRevenueYuan = 10_000_000L; p.totalAssetsYuan = 20_000_000L;
        Enterprise e = DERIVER.derive(p);
        try (Matcher m = RuleEngine.bundled().newMatcher()) { m.match(e); }
        assertThat(e.hits).extracting(g -> g.measure.jurisdiction()).contains("4107");
    }

    // ---- 3. entity kinds --------------------------------------------------------------------------------------

    @Test
    void eachUsccKind() {
        assertThat(EntityKinds.fromUscc(uscc("91", "410724"))).isEqualTo(EntityType.ENTERPRISE);
        assertThat(EntityKinds.fromUscc(uscc("92", "410724"))).isEqualTo(EntityType.INDIVIDUAL_BUSINESS);
        assertThat(EntityKinds.fromUscc(uscc("93", "410724"))).isEqualTo(EntityType.FARMER_COOPERATIVE);
        assertThat(EntityKinds.fromUscc(uscc("11", "410724"))).isEqualTo(EntityType.GOVERNMENT_AGENCY);
        assertThat(EntityKinds.fromUscc(uscc("12", "410724"))).isEqualTo(EntityType.PUBLIC_INSTITUTION);
        assertThat(EntityKinds.fromUscc(uscc("51", "410724"))).isEqualTo(EntityType.SOCIAL_ORGANIZATION);
        assertThat(EntityKinds.fromUscc(uscc("52", "410724"))).isEqualTo(EntityType.PRIVATE_NON_ENTERPRISE);
        assertThat(EntityKinds.fromUscc(uscc("53", "410724"))).isEqualTo(EntityType.FOUNDATION);
        assertThat(EntityKinds.fromUscc(uscc("81", "410724"))).isEqualTo(EntityType.TRADE_UNION);
        assertThat(EntityKinds.fromUscc(uscc("31", "410724"))).isEqualTo(EntityType.LEGAL_SERVICE);
        assertThat(EntityKinds.fromUscc(uscc("71", "410724"))).isEqualTo(EntityType.RELIGIOUS_BODY);
        assertThat(EntityKinds.fromUscc(uscc("N2", "410724"))).isEqualTo(EntityType.RURAL_COLLECTIVE);
        assertThat(EntityKinds.fromUscc(uscc("Y1", "410724"))).isEqualTo(EntityType.OTHER_BODY);
        assertThat(EntityKinds.fromUscc(uscc("94", "410724"))).isNull();       // 工商 with no such category
    }

    @Test
    void registryTypesAndNames() {
        assertThat(EntityKinds.legalFormFromRegistrationType("有限责任公司(自然人投资或控股)")).isEqualTo(LegalForm.LIMITED_LIABILITY);
        assertThat(EntityKinds.legalFormFromRegistrationType("股份有限公司(上市、国有控股)")).isEqualTo(LegalForm.JOINT_STOCK);
        assertThat(EntityKinds.legalFormFromRegistrationType("个人独资企业")).isEqualTo(LegalForm.SOLE_PROPRIETORSHIP);
        assertThat(EntityKinds.legalFormFromRegistrationType("有限合伙企业")).isEqualTo(LegalForm.PARTNERSHIP);
        assertThat(EntityKinds.legalFormFromRegistrationType("全民所有制")).isEqualTo(LegalForm.NON_COMPANY_LEGAL_PERSON);
        assertThat(EntityKinds.legalFormFromRegistrationType("非公司私营企业")).isNull();
        assertThat(EntityKinds.fromRegistrationType("个体工商户")).isEqualTo(EntityType.INDIVIDUAL_BUSINESS);
        assertThat(EntityKinds.fromRegistrationType("农民专业合作社分支机构")).isEqualTo(EntityType.FARMER_COOPERATIVE);
        assertThat(EntityKinds.branchFromRegistrationType("有限责任公司分公司(自然人投资或控股)")).isTrue();
        assertThat(EntityKinds.branchFromRegistrationType("全民所有制分支机构(非法人)")).isTrue();
        assertThat(EntityKinds.branchFromRegistrationType("有限责任公司(自然人独资)")).isFalse();
        assertThat(EntityKinds.legalFormFromName("新乡市恒达机械有限公司")).isEqualTo(LegalForm.LIMITED_LIABILITY);
        assertThat(EntityKinds.legalFormFromName("河南平高电气股份有限公司")).isEqualTo(LegalForm.JOINT_STOCK);
        assertThat(EntityKinds.legalFormFromName("郑州启明创业投资中心（有限合伙）")).isEqualTo(LegalForm.PARTNERSHIP);
        assertThat(EntityKinds.legalFormFromName("获嘉县宏发五金厂")).isNull();   // 个人独资 or 集体: the name cannot tell
        assertThat(EntityKinds.branchFromName("新乡市恒达机械有限公司获嘉分公司")).isTrue();
        assertThat(EntityKinds.branchFromName("新乡市恒达机械有限公司")).isNull();
    }

    @Test
    void nonEnterpriseBodiesAreNeverSmes() {
        for (String kind : List.of("11", "12", "51", "52", "53", "81")) {
            Profile p = profile(uscc(kind, "410724"));
            p.employees = 10; p.industryCode = "9421"; p.operatingRevenueYuan = 1_000_000L; p.totalAssetsYuan = 1_000_000L;
            Enterprise e = DERIVER.derive(p);
            assertThat(e.getSme()).as(kind).isFalse();
            assertThat(e.getSmallMicro()).as(kind).isFalse();
            assertThat(e.getSmeOrIndividual()).as(kind).isFalse();
            assertThat(e.getSmallMicroOrIndividual()).as(kind).isFalse();
            assertThat(e.missingInputs("sme")).as(kind).isEmpty();
            assertThat(e.warnings).as(kind).anyMatch(w -> w.contains("不是企业"));
        }
        // the same size as an enterprise is a 小微企业
        Profile firm = profile(uscc("91", "410724"));
        firm.employees = 10; firm.industryCode = "7240"; firm.operatingRevenueYuan = 1_000_000L; firm.totalAssetsYuan = 1_000_000L;
        assertThat(DERIVER.derive(firm).getSmallMicro()).isTrue();
    }

    @Test
    void aTradeUnionASocialOrganisationAndAPublicInstitutionGetNoSmeMeasure() {
        // a measure that requires (as one of its conjuncts) a 中小微企业/小微企业 fact
        RuleEngine engine = RuleEngine.bundled();
        for (String kind : List.of("81", "51", "12", "91")) {
            Profile p = profile(uscc(kind, "530102"));
            p.regionCode = "530102"; p.industryCode = "6210"; p.employees = 8; p.operatingRevenueYuan = 500_000L;
            p.scale = Scale.MICRO;
            Enterprise e = DERIVER.derive(p);
            try (Matcher m = engine.newMatcher()) { m.match(e); }
            List<String> sme = e.hits.stream().filter(g -> g.measure.conditions().stream().anyMatch(c -> c.strip().matches(
                    "yes\\((sme|smallMicro|smeOrIndividual|smallMicroOrIndividual)\\)")))
                    .map(g -> g.measure.id() + " " + g.measure.conditions()).toList();
            long smeHits = sme.size();
            if (kind.equals("91")) assertThat(smeHits).as("an enterprise of that size").isPositive();
            else assertThat(sme).as(kind).isEmpty();
        }
    }

    @Test
    void citPayerByKindAndForm() {
        assertThat(withForm("91", null, null).getCitPayer()).isTrue();             // form unknown: the rule, not the exception
        assertThat(withForm("91", LegalForm.LIMITED_LIABILITY, null).getCitPayer()).isTrue();
        assertThat(withForm("91", LegalForm.SOLE_PROPRIETORSHIP, null).getCitPayer()).isFalse();
        assertThat(withForm("91", null, "普通合伙企业").getCitPayer()).isFalse();
        assertThat(withForm("92", null, null).getCitPayer()).isFalse();
        assertThat(withForm("93", null, null).getCitPayer()).isTrue();
        assertThat(withForm("12", null, null).getCitPayer()).isTrue();             // 事业单位: 其他取得收入的组织
        assertThat(withForm("31", null, null).getCitPayer()).isFalse();            // 律师事务所: its partners pay IIT
        // a legal form only qualifies an enterprise
        assertThat(withForm("92", LegalForm.LIMITED_LIABILITY, null).legalForm).isNull();
    }

    @Test
    void aSoleProprietorshipAndAPartnershipGetNoCitMeasure() {
        RuleEngine engine = RuleEngine.bundled();
        for (LegalForm f : LegalForm.values()) {
            Profile p = profile(uscc("91", "410702"));
            p.regionCode = "410702"; p.industryCode = "3411"; p.employees = 50; p.operatingRevenueYuan = 10_000_000L;
            p.totalAssetsYuan = 20_000_000L; p.annualTaxableIncomeYuan = 1_000_000L; p.rdExpenseYuan = 100_000L;
            p.legalForm = f;
            Enterprise e = DERIVER.derive(p);
            try (Matcher m = engine.newMatcher()) { m.match(e); }
            List<String> ids = e.hits.stream().map(g -> g.measure.id()).toList();
            if (f.citPayer()) assertThat(ids).as(f.name()).contains("gbf2021-45-art2-accelerated-depreciation", "xinxiang-small-low-profit-cit");
            else assertThat(ids).as(f.name()).doesNotContain("gbf2021-45-art2-accelerated-depreciation", "xinxiang-small-low-profit-cit",
                    "gbf2021-45-art2-rd-super-deduction", "gbf2021-45-art2-cit-small-low-profit");
        }
    }

    @Test
    void aBranchIsMatchedAsABranchAndTheReportSaysWhoHoldsTheBenefit() {
        Profile p = profile(uscc("91", "410724"));
        p.name = "新乡市恒达机械有限公司获嘉分公司";
        p.regionCode = "410724"; p.industryCode = "3411"; p.employees = 50; p.operatingRevenueYuan = 10_000_000L;
        Enterprise e = DERIVER.derive(p);
        assertThat(e.branch).isTrue();
        assertThat(e.legalForm).isEqualTo(LegalForm.LIMITED_LIABILITY);
        MatchResult r = new MatchService(RuleEngine.bundled(), LocalDate.of(2022, 6, 30), RiskAreas.none())
                .match(DERIVER.derive(p), List.of());
        assertThat(r.derived().branch()).isTrue();
        assertThat(r.entitlements()).isNotEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("分支机构（非法人）") && w.contains("所属法人"));
        assertThat(org.mianshen.io.TextReport.render(r)).contains("分支机构（权益由所属法人享受）");
        Profile type = profile(uscc("91", "410724"));
        type.registrationType = "有限责任公司分公司(自然人投资或控股)";
        assertThat(DERIVER.derive(type).branch).isTrue();
    }

    private static Enterprise withForm(String kind, LegalForm form, String type) {
        Profile p = profile(uscc(kind, "410724"));
        p.legalForm = form;
        p.registrationType = type;
        return DERIVER.derive(p);
    }

    @SuppressWarnings("unused")
    private static List<String> ids(List<Grant> hits) { return hits.stream().map(g -> g.measure.id()).toList(); }
}
