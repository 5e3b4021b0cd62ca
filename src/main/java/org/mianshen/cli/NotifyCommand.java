package org.mianshen.cli;

import org.mianshen.engine.RuleTreeException;
import org.mianshen.push.Catalogue;
import org.mianshen.push.Inputs;
import org.mianshen.push.Notices;
import org.mianshen.push.PushRecord;
import org.mianshen.push.ResultLines;
import org.mianshen.push.ResultReader;
import org.mianshen.push.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "notify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Writes one notice per enterprise with an entitlement, in Chinese, from editable templates: what it gets, "
                + "how much, the legal basis, what it must confirm or provide, who to contact. Markdown or text files "
                + "(DIR/USCC.md), or one JSON Lines file of messages for an SMS or portal gateway (DIR/messages.jsonl).", ""},
        footer = {"", "Templates: the shipped templates/notice.md and templates/notice-item.md (one per entitlement), or your own",
                "with --template / --item-template. Variables ${name} … are listed in docs/push.md; a variable the template",
                "uses that has no value stops the run before any notice is written (exit 2). --var NAME=VALUE adds one.",
                "",
                "Examples:",
                "  mianshen notify out.jsonl -o notices/ --contact '市企业服务中心 0373-1234567' --issuer '新乡市发展和改革委员会'",
                "  mianshen notify out.jsonl -o gateway/ --format jsonl --template sms.txt --item-template sms-item.txt",
                "Exit codes: 0 done, 2 bad input or template, 1 internal error."})
public final class NotifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "batch output (.jsonl) or registry (.jsonl/.csv, matched first)")
    Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "directory for the notices (created; must be empty)")
    Path dir;

    @Option(names = "--format", paramLabel = "FMT", description = "md, txt or jsonl (default: ${DEFAULT-VALUE})")
    String format = "md";

    @Option(names = "--template", paramLabel = "FILE", description = "notice template (default: the shipped templates/notice.md)")
    Path template;

    @Option(names = "--item-template", paramLabel = "FILE", description = "template of one entitlement (default: templates/notice-item.md)")
    Path itemTemplate;

    @Option(names = "--contact", paramLabel = "TEXT", description = "${contact}: who to contact (default: ${DEFAULT-VALUE})")
    String contact = "当地 12345 政务服务便民热线";

    @Option(names = "--issuer", paramLabel = "TEXT", description = "${issuer}: who sends the notice (default: ${DEFAULT-VALUE})")
    String issuer = "惠企政策服务平台";

    @Option(names = "--date", paramLabel = "DATE", description = "${date}: date of the notice (default: today)")
    LocalDate date;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a further template variable (repeatable)")
    List<String> vars = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", description = "when RESULTS is a registry: evaluate as of this date (default: today)")
    LocalDate asOf;

    @Option(names = "--tmp", paramLabel = "DIR", description = "temporary files (matching a registry) (default: the system's)")
    Path tmp;

    @Mixin RuleOptions rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Notices.Format f;
        try {
            f = Notices.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("mianshen notify: --format " + format + ": expected md, txt or jsonl");
            return Main.BAD_INPUT;
        }
        Catalogue cat;
        try {
            cat = PushCommand.catalogue(rules, err, "notify");
            if (cat == null) return Main.BAD_INPUT;
        } catch (IOException | RuleTreeException e) {
            err.println("mianshen notify: --rules: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        Notices notices;
        try {
            Map<String, String> fixed = Notices.fixedValues(contact, issuer, (date == null ? LocalDate.now() : date).toString(), vars);
            // both templates are checked here, before the directory is even created
            notices = new Notices(Template.load(template, "notice.md"), Template.load(itemTemplate, "notice-item.md"), cat, fixed, f, dir);
        } catch (Template.TemplateError e) {
            err.println("mianshen notify: template: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (!Files.isRegularFile(results)) { err.println("mianshen notify: " + results + ": file not found"); return Main.BAD_INPUT; }
        String bad = PushCommand.prepareDir(dir);
        if (bad != null) { err.println("mianshen notify: " + bad); return Main.BAD_INPUT; }
        Path input = results, matched = null;
        try {
            if (Inputs.isRegistry(results)) {
                matched = Inputs.match(rules.batchEngine(), results, asOf, tmp != null ? tmp : Path.of(System.getProperty("java.io.tmpdir")), err);
                if (matched == null) return Main.BAD_INPUT;
                input = matched;
            }
            long enterprises = 0;
            try (ResultReader in = new ResultReader(input, ResultLines.of(cat, input), false)) {
                for (PushRecord r; (r = in.next()) != null; enterprises++) notices.write(r);
            }
            notices.close();
            err.printf("告知书：%,d 户企业中 %,d 户有可享受或需补充信息的政策，已写入 %s%n", enterprises, notices.written(),
                    f == Notices.Format.JSONL ? dir.resolve("messages.jsonl") : dir);
            return Main.OK;
        } catch (ResultReader.InputProblem | Template.TemplateError e) {
            err.println("mianshen notify: " + e.getMessage());
            PushCommand.clear(dir);
            return Main.BAD_INPUT;
        } finally {
            if (matched != null) Files.deleteIfExists(matched);
            err.flush();
        }
    }
}
