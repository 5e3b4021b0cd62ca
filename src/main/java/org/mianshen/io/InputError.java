package org.mianshen.io;

/**
 * A profile that cannot be used, with the field, the value found and what is expected
 * (e.g. {@code employees: -3 — expected a whole number ≥ 0}). Input errors exit with code 2.
 */
public class InputError extends Exception {
    private final String field;
    private final String value;
    private final String expected;

    public InputError(String field, String value, String expected) {
        super(format(field, value, expected));
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    private static String format(String field, String value, String expected) {
        return (field == null || field.isEmpty() ? "profile" : field) + ": "
                + (value == null ? "" : value + " — ") + "expected " + expected;
    }

    public String field() { return field; }
    public String value() { return value; }
    public String expected() { return expected; }
}
