package org.mianshen.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .drl} file is Java code: its functions and consequences run with the rights of whoever runs mianshen.
 * {@code check} flags every use in a rule file of what a relief measure never needs: file and network I/O,
 * processes, {@code System}/{@code Runtime}, reflection and class loading, threads, the Drools session behind the
 * rule context, and imports beyond the fact model, the engine's condition functions and java.util/java.math/java.time.
 *
 * <p>This is a review aid, not a sandbox: a determined author can hide a call from a text scan. Load only rule trees
 * you trust and review them like code (README, docs/rule-authoring.md §7).
 */
public final class TrustLint {
    private TrustLint() {}

    private record Forbidden(Pattern pattern, String what) {}

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.|\\bRuntime\\b"), "System/Runtime (exit, environment, properties, processes)"),
            new Forbidden(Pattern.compile("\\bProcessBuilder\\b|\\bProcess(Handle)?\\b"), "a process"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio)\\b|\\b(Files|Paths|Path|File|FileInputStream|FileOutputStream|FileReader|FileWriter"
                    + "|RandomAccessFile|InputStream|OutputStream|Reader|Writer|BufferedReader|BufferedWriter|PrintStream|PrintWriter|Scanner|FileChannel)\\b"), "file I/O"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*net\\b|\\b(Socket|ServerSocket|DatagramSocket|URL|URI|URLConnection|HttpURLConnection|HttpClient|InetAddress)\\b"), "the network"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bgetClass\\s*\\(|\\.\\s*class\\b|\\b(Class|ClassLoader|Method|Field|Constructor"
                    + "|MethodHandles?|Unsafe|Proxy)\\b|\\b(forName|getDeclared\\w*|setAccessible|newInstance|loadClass)\\s*\\("), "reflection or class loading"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b|\\b(Thread|ThreadLocal|ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture"
                    + "|Timer|TimerTask)\\b|\\bsynchronized\\b"), "threads"),
            new Forbidden(Pattern.compile("\\bjavax?\\s*\\.\\s*script\\b|\\bScriptEngine(Manager)?\\b|\\bjdk\\s*\\.|\\bsun\\s*\\."), "a script engine or JDK internals"),
            new Forbidden(Pattern.compile("\\bdrools\\s*\\.|\\bkcontext\\b|\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(|\\bglobal\\s+[\\w.]+\\s+\\w+"
                    + "|\\borg\\s*\\.\\s*(drools|kie)\\b"), "the Drools session (rules only grant: $e.grant(drools)…)"));

    /** Imports a rule file may have: the fact model, the engine's condition functions, plain value types. */
    private static final Pattern ALLOWED_IMPORT = Pattern.compile("import\\s+(org\\.mianshen\\.model\\.(\\*|\\w+)"
            + "|function\\s+org\\.mianshen\\.engine\\.Conditions\\.(\\*|\\w+)"
            + "|java\\.(util|math|time)\\.(\\*|[A-Z]\\w*))\\s*;?\\s*");

    /** The problems of one rule file: each forbidden use once per line, with its column. */
    public static List<RuleProblem> check(RuleSource src) {
        List<RuleProblem> out = new ArrayList<>();
        String code = blankCommentsAndStrings(src.text());
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.trim().startsWith("import ")) {
                if (!ALLOWED_IMPORT.matcher(l.trim()).matches())
                    out.add(new RuleProblem(src.path(), i + 1, l.indexOf("import") + 1, "import outside the fact model and the engine's helpers: '"
                            + l.trim() + "' (a rule file imports org.mianshen.model.*, function org.mianshen.engine.Conditions.*, java.util/math/time)"));
                continue;
            }
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(l);
                if (m.find()) out.add(new RuleProblem(src.path(), i + 1, m.start() + 1, "'" + m.group().trim() + "' uses " + f.what()
                        + ": a rule file may call only the fact model and the engine's helpers (a .drl runs as code: docs/rule-authoring.md §7)"));
            }
        }
        return out;
    }

    /** The text with comments and string/char literals replaced by spaces (line breaks kept, so lines and columns hold). */
    static String blankCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) { if (s.charAt(i) != '\n') b.setCharAt(i, ' '); i++; }
                if (i < n) { b.setCharAt(i++, ' '); if (i < n) b.setCharAt(i++, ' '); }
            } else if (c == '"' || c == '\'') {
                b.setCharAt(i++, ' ');
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n) b.setCharAt(i++, ' ');
                    b.setCharAt(i++, ' ');
                }
                if (i < n && s.charAt(i) == c) b.setCharAt(i++, ' ');
            } else i++;
        }
        return b.toString();
    }
}
