package org.mianshen.io;

import org.mianshen.model.Basis;
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
        sb.append("认定事实：主体 ").append(d.entityType() == null ? "未知" : zhEntity(d.entityType().name()))
                .append("；规模 ").append(d.scale() == null ? "未知" : d.scale().zh())
                .append(d.scaleBasis() == null ? "" : "（" + d.scaleBasis() + "）")
                .append("；小型微利企业 ").append(yesNo(d.smallLowProfit()))
                .append("；服务业 ").append(yesNo(d.serviceIndustry()))
                .append("；行业门类 ").append(d.section() == null ? "未知" : d.section()).append('\n');
        long eligible = r.entitlements().stream().filter(e -> e.status() == Grant.Status.ELIGIBLE).count();
        long needs = r.entitlements().size() - eligible;
        sb.append('\n').append("可享受 ").append(eligible).append(" 项，待补充信息 ").append(needs).append(" 项\n");
        int i = 0;
        for (Entitlement e : r.entitlements()) {
            i++;
            sb.append('\n').append(i).append(". ").append(e.status() == Grant.Status.ELIGIBLE ? "【可享受】" : "【待补充信息】")
                    .append(e.title()).append('\n');
            if (e.amountYuan() != null) sb.append("   金额：").append(yuan(e.amountYuan())).append('\n');
            if (e.detail() != null) sb.append("   内容：").append(e.detail()).append('\n');
            if (!e.reasons().isEmpty()) sb.append("   理由：").append(String.join("；", e.reasons())).append('\n');
            if (!e.missing().isEmpty()) sb.append("   需补充：").append(String.join("、", e.missing())).append('\n');
            if (e.confirm() != null && !e.confirm().isEmpty()) sb.append("   需核实：").append(String.join("；", e.confirm())).append('\n');
            sb.append("   依据：").append(basis(e.basis())).append('\n');
            sb.append("   有效期：").append(e.validFrom() == null ? "未规定" : e.validFrom()).append(" 至 ")
                    .append(e.validTo() == null ? "未规定" : e.validTo()).append('\n');
            if (e.alsoBasedOn() != null) for (Entitlement.AlsoBasedOn a : e.alsoBasedOn()) {
                sb.append("   另见：").append(basis(a.basis()))
                        .append(a.status() == Grant.Status.ELIGIBLE ? "" : "（待补充信息）")
                        .append(a.detail() == null ? "" : "，" + a.detail()).append('\n');
            }
            sb.append("   措施编号：").append(e.measureId()).append('\n');
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\n提示：\n");
            for (String w : r.warnings()) sb.append("  - ").append(w).append('\n');
        }
        return sb.toString();
    }

    static String basis(Basis b) {
        StringBuilder sb = new StringBuilder("《").append(b.document()).append("》");
        if (b.docNumber() != null) sb.append("（").append(b.docNumber()).append("）");
        if (b.article() != null && !b.article().isEmpty()) sb.append(" 第").append(b.article()).append("项");
        if (b.authority() != null && !b.authority().isEmpty()) sb.append("，").append(b.authority());
        sb.append(" [").append(b.source()).append("]");
        if (b.external() != null) sb.append("；数额依据 ").append(b.external());
        return sb.toString();
    }

    static String yuan(long v) {
        return String.format("%,d 元", v);
    }

    private static String yesNo(Boolean b) { return b == null ? "未知" : b ? "是" : "否"; }

    private static String zhEntity(String t) {
        return switch (t) { case "ENTERPRISE" -> "企业"; case "INDIVIDUAL_BUSINESS" -> "个体工商户"; case "FARMER_COOPERATIVE" -> "农民专业合作社"; default -> t; };
    }

    public static String list(List<String> xs) { return String.join("、", xs); }
}
