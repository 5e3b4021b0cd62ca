package org.mianshen.push;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * batch --report: a self-contained page. Always checked with an HTML parser (jsoup); also rendered in headless Chromium
 * when one is installed (Debian's `chromium`), otherwise that part is skipped.
 */
class HtmlReportTest {
    @TempDir static Path dir;
    static Path page, rejects;

    @BeforeAll
    static void batch() throws IOException {
        Path reg = PushFixtures.registry(dir, "reg.jsonl", 300, 13);
        // two bad rows: a wrong uscc and a malformed line
        Files.writeString(reg, Files.readString(reg) + "{\"uscc\":\"123\",\"name\":\"坏行\"}\nnot json\n");
        page = dir.resolve("report.html");
        rejects = dir.resolve("rejects.jsonl");
        var r = PushFixtures.cli("batch", reg.toString(), "-o", dir.resolve("out.jsonl").toString(), "--as-of", "2022-06-30",
                "--rejects", rejects.toString(), "--report", page.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void theReportIsSelfContainedAndHasTheFigures() throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Document d = Jsoup.parse(html);
        assertThat(d.select("script, link, img, iframe, object, embed")).as("no script, no external resource").isEmpty();
        for (Element e : d.select("[src], [href]")) assertThat(e.outerHtml()).as("no reference out of the page").isNull();
        assertThat(html).doesNotContain("url(").doesNotContain("@import");
        assertThat(d.select("style")).hasSize(1);
        assertThat(d.select("h2").eachText()).contains("按地区（企业户数）", "按兑现方式", "按措施（前 30 项）",
                "需补充信息：缺少的数据（前 30 项）", "拒收行（按原因）");
        assertThat(d.select("svg.chart")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(d.select("svg.chart rect").size()).isGreaterThan(40);
        assertThat(d.select(".card").first().text()).contains("企业").contains("300");
        assertThat(d.select(".card").last().text()).contains("拒收行").contains("2");
        assertThat(d.select("table td").eachText()).anySatisfy(t -> assertThat(t).startsWith("uscc"));
        // every inline SVG is well-formed XML on its own
        for (Element svg : d.select("svg")) {
            Document x = Jsoup.parse(svg.outerHtml(), "", Parser.xmlParser());
            assertThat(x.select("svg")).hasSize(1);
        }
        for (Element bar : d.select("svg.chart g.bar rect"))
            assertThat(Double.parseDouble(bar.attr("width"))).isBetween(1.0, 400.0);
    }

    @Test
    void headlessChromiumRendersIt() throws Exception {
        String chromium = null;
        for (String c : new String[]{"chromium", "chromium-browser", "google-chrome"})
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                if (chromium == null && Files.isExecutable(Path.of(p, c))) chromium = Path.of(p, c).toString();
        assumeTrue(chromium != null, "no headless Chromium installed (apt-get install chromium): checked with jsoup only");
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1200,1600", "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        Process dom = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve("chromium2.log").toFile()).start();
        String rendered = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dom.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Jsoup.parse(rendered).select("svg.chart rect").size()).isEqualTo(Jsoup.parse(Files.readString(page)).select("svg.chart rect").size());
    }
}
