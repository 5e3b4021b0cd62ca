package org.mianshen.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** notify: one notice per enterprise with an entitlement; template errors stop the run before anything is written. */
class NotifyTest {
    @TempDir static Path dir;
    static Path results;

    @BeforeAll
    static void batch() throws IOException {
        Path reg = PushFixtures.registry(dir, "reg.jsonl", 40, 5);
        results = dir.resolve("out.jsonl");
        assertThat(PushFixtures.cli("batch", reg.toString(), "-o", results.toString(), "--as-of", "2022-06-30", "-q").exit()).isZero();
    }

    @Test
    void oneNoticePerEnterpriseWithWhatItGetsAndItsBasis() throws IOException {
        Path out = dir.resolve("md");
        var r = PushFixtures.cli("notify", results.toString(), "-o", out.toString(), "--contact", "市企业服务中心 0373-0000000",
                "--issuer", "示例市发展和改革委员会", "--date", "2022-07-01");
        assertThat(r.exit()).as(r.err()).isZero();
        Catalogue cat = new Catalogue(RuleEngine.bundled().catalogue());
        int withItems = 0;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            JsonNode n = Json.MAPPER.readTree(line);
            Path notice = out.resolve(n.get("uscc").asText() + ".md");
            if (n.get("entitlements").isEmpty()) { assertThat(notice).doesNotExist(); continue; }
            withItems++;
            String text = Files.readString(notice);
            assertThat(text).contains(n.get("name").asText()).contains(n.get("uscc").asText()).contains("2022-06-30")
                    .contains("市企业服务中心 0373-0000000").contains("示例市发展和改革委员会").contains("2022-07-01")
                    .doesNotContain("${");
            long eligible = 0, amount = 0;
            for (JsonNode e : n.get("entitlements")) {
                var m = cat.get(e.get("measureId").asText());
                assertThat(text).contains(m.title()).contains(Catalogue.basisLine(m));
                if (e.get("status").asText().equals("ELIGIBLE")) { eligible++; amount += e.path("amountYuan").asLong(0); }
                else for (JsonNode miss : e.get("missing")) assertThat(text).contains(miss.asText());
            }
            assertThat(text).contains("共 " + eligible + " 项").contains(String.format("合计 %,d 元", amount));
        }
        try (var s = Files.list(out)) { assertThat(s.count()).isEqualTo(withItems); }
    }

    @Test
    void jsonlMessagesForAGateway() throws IOException {
        Path out = dir.resolve("jsonl");
        assertThat(PushFixtures.cli("notify", results.toString(), "-o", out.toString(), "--format", "jsonl").exit()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("messages.jsonl"));
        assertThat(lines).isNotEmpty();
        JsonNode m = Json.MAPPER.readTree(lines.get(0));
        assertThat(m.get("text").asText()).startsWith("# 惠企政策告知书").contains(m.get("uscc").asText());
    }

    @Test
    void anUnknownVariableFailsBeforeAnyNoticeIsWritten() throws IOException {
        Path tpl = dir.resolve("bad.md");
        Files.writeString(tpl, "尊敬的 ${name}：\n请于 ${deadline} 前联系 ${contact}。\n${oops\n");
        Path out = dir.resolve("never");
        var r = PushFixtures.cli("notify", results.toString(), "-o", out.toString(), "--template", tpl.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.md:2: unknown variable ${deadline}").contains("--var");
        assertThat(out).as("nothing written, not even the directory").doesNotExist();

        // with --var the same template renders
        r = PushFixtures.cli("notify", results.toString(), "-o", out.toString(), "--template", tpl.toString(), "--var", "deadline=2022年8月31日");
        assertThat(r.exit()).as(r.err()).isZero();
        try (var s = Files.list(out)) {
            assertThat(Files.readString(s.findFirst().orElseThrow())).contains("请于 2022年8月31日 前联系").contains("${oops");
        }

        Path item = dir.resolve("item.md");
        Files.writeString(item, "- ${title}: ${amountt}\n");
        r = PushFixtures.cli("notify", results.toString(), "-o", dir.resolve("never2").toString(), "--item-template", item.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("item.md:1: unknown variable ${amountt}");
        assertThat(dir.resolve("never2")).doesNotExist();
    }

    @Test
    void templateSyntax() {
        Template t = new Template("t", "a ${x} b $${x} c ${ y }");
        assertThat(t.variables()).containsExactly("x", "y");
        assertThat(t.render(Map.of("x", "1", "y", "2"))).isEqualTo("a 1 b ${x} c 2");
        assertThatThrownBy(() -> new Template("t", "${1x}")).hasMessageContaining("t:1").hasMessageContaining("not a variable name");
        assertThatThrownBy(() -> t.check(Set.of("x"))).hasMessageContaining("unknown variable ${y}");
    }

    @Test
    void theShippedTemplatesUseOnlyDocumentedVariables() throws IOException {
        assertThat(Notices.NOTICE_VARS).containsAll(Template.load(null, "notice.md").variables());
        assertThat(Notices.ITEM_VARS).containsAll(Template.load(null, "notice-item.md").variables());
        String doc = Files.readString(Path.of("docs/push.md"));
        for (String v : Notices.NOTICE_VARS) assertThat(doc).as("docs/push.md documents ${" + v + "}").contains("${" + v + "}");
        for (String v : Notices.ITEM_VARS) assertThat(doc).as("docs/push.md documents ${" + v + "}").contains("${" + v + "}");
    }
}
