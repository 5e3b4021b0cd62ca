package org.mianshen.push;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template with {@code ${name}} variables ({@code $$} writes a literal {@code $}). Parsed once; {@link #check}
 * names every variable the template uses that the caller does not provide, with its line, so that a template error
 * stops a run before any notice is written.
 */
public final class Template {
    private static final Pattern VAR = Pattern.compile("\\$\\$|\\$\\{([^}]*)}");
    private final String name;
    private final List<Object> parts = new ArrayList<>();    // String literal or Var
    private final Set<String> variables = new LinkedHashSet<>();

    private record Var(String name, int line) {}

    /** A template error: file, line, variable, what was expected. */
    public static final class TemplateError extends RuntimeException {
        public TemplateError(String m) { super(m); }
    }

    public Template(String name, String text) {
        this.name = name;
        Matcher m = VAR.matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(text.substring(at, m.start()));
            if (m.group().equals("$$")) parts.add("$");
            else {
                String v = m.group(1).trim();
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                if (!v.matches("[A-Za-z][A-Za-z0-9_]*"))
                    throw new TemplateError(name + ":" + line + ": \"${" + m.group(1) + "}\" is not a variable name (letters, digits, _)");
                parts.add(new Var(v, line));
                variables.add(v);
            }
            at = m.end();
        }
        parts.add(text.substring(at));
    }

    /** A shipped template (classpath {@code templates/NAME}) or, when {@code file} is given, that file. */
    public static Template load(Path file, String bundledName) throws IOException {
        if (file != null) {
            try {
                return new Template(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new TemplateError(file + ": file not found");
            }
        }
        try (InputStream in = Template.class.getResourceAsStream("/templates/" + bundledName)) {
            if (in == null) throw new TemplateError("templates/" + bundledName + ": not in the jar");
            return new Template("templates/" + bundledName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public Set<String> variables() { return variables; }

    /** Fails naming each variable of the template that is not among {@code known}. */
    public void check(Set<String> known) {
        List<String> bad = new ArrayList<>();
        for (Object p : parts)
            if (p instanceof Var v && !known.contains(v.name()) && bad.stream().noneMatch(b -> b.contains("${" + v.name() + "}")))
                bad.add(name + ":" + v.line() + ": unknown variable ${" + v.name() + "}");
        if (!bad.isEmpty())
            throw new TemplateError(String.join("\n", bad) + "\n(expected one of: " + String.join(", ", known.stream().sorted().toList())
                    + "; more with --var NAME=VALUE; see docs/push.md)");
    }

    /** Renders with the values; a variable without a value is an error (check first). */
    public String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Var v) {
                String s = values.get(v.name());
                if (s == null) throw new TemplateError(name + ":" + v.line() + ": no value for ${" + v.name() + "}");
                sb.append(s);
            } else sb.append((String) p);
        }
        return sb.toString();
    }
}
