package org.mianshen.engine;

/** A problem in a rule tree, located as {@code file:line:column: message} (what `check` prints). */
public record RuleProblem(String file, int line, int column, String message) {
    @Override public String toString() {
        return file + ":" + Math.max(line, 0) + ":" + Math.max(column, 0) + ": " + message;
    }
}
