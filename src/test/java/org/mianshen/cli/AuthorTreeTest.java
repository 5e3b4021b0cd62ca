package org.mianshen.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule author's round trip, as docs/rule-authoring.md tells it: a small invented local policy (示例市稳岗扩就业若干措施,
 * src/test/resources/author-tree) in a tree of its own, with its own text, new ids, a document header, a list-filtering
 * condition and a rule-file function; then check (alone and with the bundled rules), test, match --explain.
 */
class AuthorTreeTest {
    @TempDir Path dir;
    Path drl;

    @BeforeEach
    void copyTree() throws IOException {
        Path src = Path.of("src/test/resources/author-tree");
        Files.createDirectories(dir.resolve("texts"));
        for (String f : new String[]{"wengang-2026.drl", "wengang-2026.cases.yaml", "texts/wengang-2026.txt"})
            Files.copy(src.resolve(f), dir.resolve(f));
        drl = dir.resolve("wengang-2026.drl");
    }

    private Path profile(String json) throws IOException {
        Path p = dir.resolve("profile-" + System.nanoTime() + ".json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private static final String PROFILE = """
            {"uscc": "91410702MA47K0B26P", "name": "示例餐馆", "regionCode": "410724", "industryCode": "6210", "employees": 8,
             "operatingRevenueYuan": 500000, "vatTaxpayer": "SMALL_SCALE", "propertyTaxPaidYuan": %s,
             "hires": [{"category": "GRADUATE_THIS_YEAR", "count": 2, "contractMonths": 12, %s "hiredOn": "2026-03-01", "householdRegion": "410702"}]}
            """;

    @Test
    void checkIsCleanAloneAndWithTheBundledRules() {
        CliRun alone = CliRun.of("check", "--rules", dir.toString());
        assertThat(alone.out()).contains("2 rules in 1 files, 0 problem(s)").doesNotContain("warning");
        assertThat(alone.exit()).isZero();
        // each tree against its own texts; the new ids are not held against the bundled catalogue
        CliRun both = CliRun.of("check", "--rules", dir.toString(), "--with-bundled");
        assertThat(both.out()).containsPattern("\\d+ rules in \\d+ files, 0 problem\\(s\\)");
        assertThat(both.exit()).isZero();
    }

    @Test
    void casesPass() {
        CliRun test = CliRun.of("test", "--rules", dir.toString());
        assertThat(test.out()).contains("14 passed, 0 failed");
        assertThat(test.exit()).isZero();
    }

    @Test
    void unknownListItemIsNeedsInfoAndExplainShowsEveryActualValue() throws IOException {
        Path p = profile(PROFILE.formatted("0", ""));
        CliRun match = CliRun.of("match", p.toString(), "--rules", dir.toString(), "--with-bundled", "--explain", "--as-of", "2026-06-30");
        assertThat(match.exit()).isZero();
        assertThat(match.out()).contains("需补充：新招用人员的参加社会保险 (hires[].socialInsurance)")
                .contains("（实际 未知：缺新招用人员的参加社会保险）")
                // the rule-file function is evaluated as compiled, with its label and the actual value
                .contains("当年实缴房产税的50%超过0元（实际 0元）")
                .doesNotContain("由规则函数计算").doesNotContain("cannot evaluate");

        CliRun json = CliRun.of("match", profile(PROFILE.formatted("10000", "\"socialInsurance\": true,")).toString(),
                "--rules", dir.toString(), "--as-of", "2026-06-30", "--format", "json");
        assertThat(json.out()).contains("\"shilishi-2026-graduate-hiring-subsidy\"").contains("4000").contains("5000");
    }

    @Test
    void lapsedMeasuresAreNamedInExplain() throws IOException {
        CliRun match = CliRun.of("match", profile(PROFILE.formatted("10000", "")).toString(), "--rules", dir.toString(),
                "--explain", "--as-of", "2027-01-01");
        assertThat(match.out()).contains("已于 2026-12-31 到期（评估日期 2027-01-01）");
    }

    @Test
    void ruleFunctionOverAListIsWarnedAndItsUnknownItemsAreNotSilent() throws IOException {
        String fn = """

                // 标签：2026年新招用并参保的毕业生人数
                function Integer insuredGraduates(java.util.List hires) {
                    int n = 0;
                    for (Object o : hires) {
                        Hire h = (Hire) o;
                        if (h.category != HireCategory.GRADUATE_THIS_YEAR) continue;
                        if (h.socialInsurance == null) return null;
                        if (h.socialInsurance) n += h.count;
                    }
                    return n;
                }
                """;
        String s = Files.readString(drl).replace("// 50% of the property tax paid", fn + "\n// 50% of the property tax paid")
                .replace("atLeast(countHires(\"category=GRADUATE_THIS_YEAR contractMonths>=12 socialInsurance localHousehold hiredOn>=2026-01-01 hiredOn<=2026-12-31\"), 1)",
                        "atLeast(insuredGraduates(hires), 1)");
        Files.writeString(drl, s);
        CliRun check = CliRun.of("check", "--rules", dir.toString());
        assertThat(check.out()).contains("warning: rule 'shilishi-2026-graduate-hiring-subsidy': the rule-file function insuredGraduates(hires)")
                .contains("countHires");
        CliRun match = CliRun.of("match", profile(PROFILE.formatted("0", "")).toString(), "--rules", dir.toString(), "--as-of", "2026-06-30");
        // the engine cannot name the field, but it no longer calls the measure ELIGIBLE with nothing missing
        assertThat(match.out()).contains("需补充：新招用人员（某项信息不全） (hires[])");
    }

    @Test
    void quotationMismatchShowsWhere() throws IOException {
        Files.writeString(drl, Files.readString(drl).replace("按其当年实缴房产税的50%给予补贴", "按其当年实缴房产税的60%给予补贴"));
        CliRun check = CliRun.of("check", "--rules", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("differs at character").contains("quote \"…当年实缴房产税的[6]0%给予补贴。\"")
                .contains("text \"…当年实缴房产税的[5]0%给予补贴。\"");
    }

    @Test
    void missingTextFailsTheCheck() throws IOException {
        Files.delete(dir.resolve("texts/wengang-2026.txt"));
        CliRun check = CliRun.of("check", "--rules", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("@source text not found: wengang-2026.txt");
    }

    @Test
    void badListFilterIsACheckProblem() throws IOException {
        Files.writeString(drl, Files.readString(drl).replaceFirst("socialInsurance localHousehold", "socialInsurence localHousehold"));
        CliRun check = CliRun.of("check", "--rules", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("hires filter 'socialInsurence': 'socialInsurence' is not a field of hires[]");
    }

    @Test
    void callsOutsideTheFactModelAreFlagged() throws IOException {
        String original = Files.readString(drl);
        String[][] plants = {
                {"System.exit(3);", "System/Runtime"},
                {"Runtime.getRuntime().halt(3);", "System/Runtime"},
                {"try { java.nio.file.Files.readString(java.nio.file.Paths.get(\"/etc/passwd\")); } catch (Exception x) { }", "file I/O"},
                {"try { new ProcessBuilder(\"sh\").start(); } catch (Exception x) { }", "a process"},
                {"try { new java.net.Socket(\"example.org\", 80); } catch (Exception x) { }", "the network"},
                {"try { Class.forName(\"java.lang.Runtime\"); } catch (Exception x) { }", "reflection or class loading"},
                {"new Thread(() -> { }).start();", "threads"},
                {"drools.getKieRuntime().halt();", "the Drools session"},
        };
        for (String[] plant : plants) {
            Files.writeString(drl, original.replace("$e.grant(drools).amount(halfOfPropertyTax", plant[0] + "\n    $e.grant(drools).amount(halfOfPropertyTax"));
            CliRun check = CliRun.of("check", "--rules", dir.toString());
            assertThat(check.exit()).as(plant[0]).isEqualTo(1);
            assertThat(check.out()).as(plant[0]).contains("uses " + plant[1]);
        }
        Files.writeString(drl, original.replace("import org.mianshen.model.*;", "import org.mianshen.model.*;\nimport java.io.File;"));
        assertThat(CliRun.of("check", "--rules", dir.toString()).out()).contains("import outside the fact model");
        // a comment or a string that merely mentions them is not a call
        Files.writeString(drl, original.replace("// 50% of the property tax paid", "// not System.exit, not new Thread()\n// 50% of the property tax paid"));
        assertThat(CliRun.of("check", "--rules", dir.toString()).exit()).isZero();
    }

    @Test
    void badInputExitsTwoForEveryCommand() {
        for (String cmd : new String[]{"test", "check", "rules"}) {
            CliRun r = CliRun.of(cmd, "--rules", "/nonexistent-rules-dir");
            assertThat(r.exit()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).contains("/nonexistent-rules-dir").contains("rule directory not found").doesNotContain("internal error");
        }
    }
}
