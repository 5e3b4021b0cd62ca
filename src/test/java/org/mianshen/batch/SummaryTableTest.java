package org.mianshen.batch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese summary's tables line up in a terminal, where a CJK character takes two columns. */
class SummaryTableTest {
    private static int columns(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x1100 ? 2 : 1;
        return w;
    }

    @Test
    void numberColumnsEndAtTheSameTerminalColumnWhateverTheLabel() {
        String t = Summary.Report.table("按地区", new String[]{"企业户数"}, List.of(
                new String[]{"410724 河南省新乡市获嘉县", "933"},
                new String[]{"未提供 regionCode", "326"},
                new String[]{"a-very-long-ascii-family-identifier-of-forty-five", "1,000,000"}));
        List<String> lines = t.lines().toList();
        assertThat(lines).hasSize(4);
        int end = columns(lines.get(0));
        for (String l : lines) assertThat(columns(l)).as(l).isEqualTo(end);
        assertThat(lines.get(1)).endsWith(" 933").startsWith("  410724 河南省新乡市获嘉县 ");
    }
}
