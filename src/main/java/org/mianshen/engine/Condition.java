package org.mianshen.engine;

import java.util.List;

/**
 * One rule condition parsed once into a typed tree (and / or / not over tests of named facts). Reasons, the
 * missing facts of a NEEDS_INFO measure and {@code --explain} are all driven from this tree, so there is one
 * reading of what a rule tests ({@link ConditionParser} builds it, {@link ConditionEvaluator} evaluates it,
 * {@link ConditionRenderer} says it in Chinese).
 */
public sealed interface Condition {

    /** All parts hold ({@code &&}). */
    record All(List<Condition> parts) implements Condition {}

    /** At least one part holds ({@code ||}). */
    record Any(List<Condition> parts) implements Condition {}

    /** The part does not hold ({@code !}). */
    record Not(Condition part) implements Condition {}

    /**
     * A call of a {@link Conditions} function: {@code atMost(employees, 300)}, {@code yes(smallMicro)},
     * {@code is(vatTaxpayer, VatTaxpayer.SMALL_SCALE)}.
     *
     * @param function the Conditions function (atMost, below, atLeast, over, between, yes, no, is, isNot, oneOf, contains)
     * @param subject  the fact tested
     * @param operands the bounds or the expected values
     */
    record Test(String function, Term subject, List<Term> operands) implements Condition {}

    /** A value inside a test: a fact, a fact with arguments, a rule-file function, or a literal. */
    sealed interface Term {}

    /** A fact of {@code Enterprise} by name: {@code employees}, {@code smallMicro}. */
    record Fact(String name) implements Term {}

    /** A fact of {@code Enterprise} with arguments: {@code industryIn("62 52")}, {@code hires(HireCategory.VETERAN, 12)}. */
    record FactCall(String name, List<Term> args) implements Term {}

    /** A function written in the rule file (not part of the fact model): the engine can name it only by its label. */
    record RuleFunction(String name, List<Term> args) implements Term {}

    /** A number, a string or an enum constant ({@code LoanKind.CREDIT}); {@code text} is as written. */
    record Literal(Object value, String text) implements Term {}

    /** Every term of a condition, nested ones (arguments of facts and functions) included, in reading order. */
    static List<Term> terms(Condition c) {
        List<Term> out = new java.util.ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<Term> out) {
        if (c instanceof All a) a.parts().forEach(p -> collect(p, out));
        else if (c instanceof Any a) a.parts().forEach(p -> collect(p, out));
        else if (c instanceof Not n) collect(n.part(), out);
        else if (c instanceof Test t) {
            collect(t.subject(), out);
            t.operands().forEach(o -> collect(o, out));
        }
    }

    private static void collect(Term t, List<Term> out) {
        out.add(t);
        if (t instanceof RuleFunction f) f.args().forEach(a -> collect(a, out));
        else if (t instanceof FactCall f) f.args().forEach(a -> collect(a, out));
    }

    /** The {@link Conditions} functions a test may call, with the number of operands after the subject. */
    static int operandCount(String function) {
        return switch (function) {
            case "yes", "no" -> 0;
            case "atMost", "below", "atLeast", "over", "is", "isNot", "oneOf", "contains" -> 1;
            case "between" -> 2;
            default -> -1;
        };
    }
}
