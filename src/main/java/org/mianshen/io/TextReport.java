package org.mianshen.io;

import org.mianshen.model.Basis;
import org.mianshen.model.Delivery;
import org.mianshen.model.DocStatus;
import org.mianshen.model.ValidToBasis;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;

import java.util.List;

/** The readable Chinese report `match --format text` prints. */
public final class TextReport {
    private TextReport() {}

    public static String render(MatchResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("免申即享 匹配结果\n");
        sb.append("企业：").append(r.name() == null ? "（未提供名称）" : r.name()).append("  统一社会信用代码 ").append(r.uscc()).append('\n');
        sb.append("评估日期：").append(r.asOf()).append('\n');
        MatchResult.Derived d = r.derived();
        sb.append("认定事实：主体 ").append(d.entityType() == null ? "未知" : d.entityType().zh())
                .append(d.legalForm() == null ? "" : "（" + d.legalForm().zh() + "）")
                .append(Boolean.TRUE.equals(d.branch()) ? "；分支机构（权益由所属法人享受）" : "")
                .append("；规模 ").append(d.scale() == null ? "未知" : d.scale().zh())
                .append(d.scaleBasis() == null ? "" : "（" + d.scaleBasis() + "）")
                .append("；小型微利企业 ").append(yesNo(d.smallLowProfit()))
                .append("；服务业 ").append(yesNo(d.serviceIndustry()))
                .append("；行业门类 ").append(d.section() == null ? "未知" : d.section()).append('\n');
        sb.append("所在地：").append(place(d)).append('\n');
        List<Entitlement> automatic = r.entitlements().stream()
                .filter(e -> e.status() == Grant.Status.ELIGIBLE && e.delivery() == Delivery.AUTOMATIC).toList();
        List<Entitlement> onApplication = r.entitlements().stream()
                .filter(e -> e.status() == Grant.Status.ELIGIBLE && e.delivery() != Delivery.AUTOMATIC).toList();
        List<Entitlement> needsInfo = r.entitlements().stream().filter(e -> e.status() == Grant.Status.NEEDS_INFO).toList();
        sb.append('\n').append("免申即享 ").append(automatic.size()).append(" 项，依申请可享 ").append(onApplication.size())
                .append(" 项，需补充信息 ").append(needsInfo.size()).append(" 项");
        if (r.support() != null) sb.append("；相关支持措施 ").append(r.support().size()).append(" 项");
        sb.append('\n');
        int[] i = {0};
        section(sb, "免申即享（无需申请，由主管部门直接兑现）", automatic, i);
        section(sb, "依申请可享（向主管部门或银行申请、经审核后享受）", onApplication, i);
        section(sb, "需补充信息（补齐下列信息后判断）", needsInfo, i);
        if (r.support() != null && !r.support().isEmpty()) {
            sb.append("\n== 相关支持措施（").append(r.support().size()).append(" 项；面向政府、银行、担保机构等的工作要求或服务，不是企业可直接享受的权益） ==\n");
            for (MatchResult.Support s : r.support()) {
                sb.append("  - ").append(s.title()).append("\n    依据：").append(basis(s.basis()))
                        .append("\n    有效期：").append(validity(s.validFrom(), s.validTo(), s.validToBasis()))
                        .append("\n    措施编号：").append(s.measureId()).append('\n');
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\n提示：\n");
            for (String w : r.warnings()) sb.append("  - ").append(w).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, List<Entitlement> list, int[] counter) {
        if (list.isEmpty()) return;
        sb.append("\n== ").append(heading).append("：").append(list.size()).append(" 项 ==\n");
        for (Entitlement e : list) {
            counter[0]++;
            sb.append('\n').append(counter[0]).append(". ").append(e.title());
            if (e.docStatus() == DocStatus.DRAFT) sb.append("【征求意见稿，未正式施行】");
            sb.append('\n');
            if (e.status() == Grant.Status.NEEDS_INFO && e.delivery() != null) sb.append("   方式：").append(e.delivery().zh()).append('\n');
            if (e.amountYuan() != null) sb.append("   金额：").append(yuan(e.amountYuan()))
                    .append(e.amountPeriod() == null ? "" : "（" + e.amountPeriod().zh() + "）").append('\n');
            if (e.amountWorking() != null) sb.append("   计算：").append(e.amountWorking()).append('\n');
            if (e.amountMissing() != null && !e.amountMissing().isEmpty())
                sb.append("   金额待补充：").append(String.join("、", e.amountMissing())).append('\n');
            if (e.detail() != null) sb.append("   内容：").append(e.detail()).append('\n');
            if (e.reasons() != null && !e.reasons().isEmpty()) sb.append("   理由：").append(String.join("；", e.reasons())).append('\n');
            if (!e.missing().isEmpty()) sb.append("   需补充：").append(String.join("、", e.missing())).append('\n');
            if (e.confirm() != null && !e.confirm().isEmpty()) sb.append("   需核实：").append(String.join("；", e.confirm())).append('\n');
            sb.append("   依据：").append(basis(e.basis())).append('\n');
            sb.append("   有效期：").append(validity(e.validFrom(), e.validTo(), e.validToBasis())).append('\n');
            if (e.alsoBasedOn() != null) for (Entitlement.AlsoBasedOn a : e.alsoBasedOn()) {
                sb.append("   另见：").append(basis(a.basis()))
                        .append(a.status() == Grant.Status.ELIGIBLE ? "" : "（待补充信息）")
                        .append(a.detail() == null ? "" : "，" + a.detail()).append('\n');
            }
            sb.append("   措施编号：").append(e.measureId()).append('\n');
        }
    }

    /** "2022-01-01 至 2022-12-31（文件年度）", "2019-01-01 起长期有效". */
    static String validity(java.time.LocalDate from, java.time.LocalDate to, ValidToBasis basis) {
        String f = from == null ? "未规定起始日" : from.toString();
        if (to == null) return f + " 起" + (basis == ValidToBasis.STANDING ? "长期有效" : "（未规定截止日）");
        return f + " 至 " + to + (basis == null ? "" : "（截止日依据：" + basis.zh() + "）");
    }

    static String basis(Basis b) {
        StringBuilder sb = new StringBuilder("《").append(b.document()).append("》");
        if (b.docNumber() != null) sb.append("（").append(b.docNumber()).append("）");
        if (b.article() != null && !b.article().isEmpty()) sb.append(" 第").append(b.article()).append("项");
        if (b.authority() != null && !b.authority().isEmpty()) sb.append("，").append(b.authority());
        // the seed-file line reference (b.source()) is for programs and authors: it stays in the JSON basis
        if (b.external() != null) sb.append("；数额依据 ").append(b.external());
        return sb.toString();
    }

    static String yuan(long v) {
        return String.format("%,d 元", v);
    }

    /** "河南省新乡市长垣市（取自统一社会信用代码）". */
    private static String place(MatchResult.Derived d) {
        String code = d.county() != null ? d.county() : d.prefecture() != null ? d.prefecture() : d.province();
        if (code == null) return "未知";
        String name = org.mianshen.reference.Regions.describe(code);
        return (name == null || name.isEmpty() ? code : name + " " + code)
                + ("USCC".equals(d.regionSource()) ? "（按统一社会信用代码登记机关代码推定）" : "");
    }

    private static String yesNo(Boolean b) { return b == null ? "未知" : b ? "是" : "否"; }

    public static String list(List<String> xs) { return String.join("、", xs); }
}
