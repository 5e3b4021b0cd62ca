package org.mianshen.engine;

import org.mianshen.model.Designation;
import org.mianshen.model.Enterprise;
import org.mianshen.model.EntityType;
import org.mianshen.model.Guarantor;
import org.mianshen.model.HireCategory;
import org.mianshen.model.LoanKind;
import org.mianshen.model.PremisesOwnership;
import org.mianshen.model.Scale;
import org.mianshen.model.TaxCreditRating;
import org.mianshen.model.VatTaxpayer;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses one rule condition written in the {@link Conditions} vocabulary into a {@link Condition} tree.
 *
 * <p>The grammar is the small subset of DRL/MVEL expressions the vocabulary needs:
 * <pre>
 *   condition := all ('||' all)*        all  := unary ('&amp;&amp;' unary)*
 *   unary     := '!' unary | '(' condition ')' | test
 *   test      := CONDITIONS_FUNCTION '(' term (',' term)* ')'
 *   term      := FACT | FACT '(' term, … ')' | RULE_FUNCTION '(' term, … ')' | NUMBER | STRING | Enum.CONSTANT
 * </pre>
 * Anything else is refused with the position, so {@code check} can reject a condition that no reason,
 * missing-fact list or explanation could render.
 */
public final class ConditionParser {
    private ConditionParser() {}

    /** A condition outside the vocabulary; {@code position} is the 0-based offset in the condition text. */
    public static final class ParseException extends Exception {
        public final int position;

        ParseException(String message, int position) {
            super(message);
            this.position = position;
        }
    }

    /** The enums a condition may name as {@code Type.CONSTANT}. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "Scale", Scale.class, "EntityType", EntityType.class, "VatTaxpayer", VatTaxpayer.class,
            "TaxCreditRating", TaxCreditRating.class, "Designation", Designation.class, "HireCategory", HireCategory.class,
            "LoanKind", LoanKind.class, "Guarantor", Guarantor.class, "PremisesOwnership", PremisesOwnership.class);

    /** Public methods of Enterprise that take arguments: facts with arguments ({@code industryIn}, {@code hires}, …). */
    private static final Set<String> FACT_CALLS = java.util.Arrays.stream(Enterprise.class.getMethods())
            .filter(m -> m.getDeclaringClass() == Enterprise.class && m.getParameterCount() > 0)
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

    public static Condition parse(String text) throws ParseException {
        ConditionParser.Reader r = new Reader(text);
        Condition c = r.condition();
        r.skipSpace();
        if (r.pos < text.length()) throw new ParseException("unexpected '" + text.substring(r.pos, Math.min(text.length(), r.pos + 12)) + "'", r.pos);
        return c;
    }

    private static final class Reader {
        final String s;
        int pos;

        Reader(String s) { this.s = s; }

        Condition condition() throws ParseException {
            List<Condition> parts = new ArrayList<>();
            parts.add(all());
            while (take("||")) parts.add(all());
            return parts.size() == 1 ? parts.get(0) : new Condition.Any(List.copyOf(parts));
        }

        Condition all() throws ParseException {
            List<Condition> parts = new ArrayList<>();
            parts.add(unary());
            while (take("&&")) parts.add(unary());
            return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts));
        }

        Condition unary() throws ParseException {
            skipSpace();
            if (peek('!') && !s.startsWith("!=", pos)) { pos++; return new Condition.Not(unary()); }
            if (take("(")) {
                Condition c = condition();
                expect(")");
                return c;
            }
            int at = pos;
            String name = identifier();
            int arity = Condition.operandCount(name);
            if (arity < 0) throw new ParseException("'" + name + "' is not a condition function (atMost, below, atLeast, over, between, yes, no, is, isNot, oneOf, contains)", at);
            expect("(");
            List<Condition.Term> args = terms();
            if (args.size() != arity + 1) throw new ParseException(name + " takes " + (arity + 1) + " argument(s), has " + args.size(), at);
            return new Condition.Test(name, args.get(0), List.copyOf(args.subList(1, args.size())));
        }

        List<Condition.Term> terms() throws ParseException {
            List<Condition.Term> out = new ArrayList<>();
            skipSpace();
            if (take(")")) return out;
            do out.add(term()); while (take(","));
            expect(")");
            return out;
        }

        Condition.Term term() throws ParseException {
            skipSpace();
            int at = pos;
            if (peek('"')) return string();
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) return number();
            String name = identifier();
            if (take("(")) {
                List<Condition.Term> args = terms();
                return FACT_CALLS.contains(name) ? new Condition.FactCall(name, List.copyOf(args)) : new Condition.RuleFunction(name, List.copyOf(args));
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                Class<? extends Enum<?>> type = ENUMS.get(name.substring(0, dot));
                if (type == null) throw new ParseException("unknown constant '" + name + "'", at);
                for (Enum<?> c : type.getEnumConstants()) if (c.name().equals(name.substring(dot + 1))) return new Condition.Literal(c, name);
                throw new ParseException("'" + name.substring(dot + 1) + "' is not a constant of " + type.getSimpleName(), at);
            }
            if (!Enterprise.VOCABULARY.contains(name)) throw new ParseException("'" + name + "' is not a fact of Enterprise", at);
            return new Condition.Fact(name);
        }

        Condition.Term string() throws ParseException {
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != '"') {
                char ch = s.charAt(pos++);
                if (ch == '\\' && pos < s.length()) ch = s.charAt(pos++);
                sb.append(ch);
            }
            if (pos >= s.length()) throw new ParseException("unterminated string", start);
            pos++;
            return new Condition.Literal(sb.toString(), s.substring(start, pos));
        }

        Condition.Term number() throws ParseException {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '_')) pos++;
            String digits = s.substring(start, pos).replace("_", "");
            if (pos < s.length() && "LlBbDd".indexOf(s.charAt(pos)) >= 0) pos++;
            try {
                Object v = digits.contains(".") ? new BigDecimal(digits) : (Object) Long.valueOf(digits);
                return new Condition.Literal(v, s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new ParseException("not a number: " + digits, start);
            }
        }

        String identifier() throws ParseException {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isJavaIdentifierPart(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            if (pos == start) throw new ParseException(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "unexpected end", start);
            return s.substring(start, pos);
        }

        boolean take(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) { pos += token.length(); return true; }
            return false;
        }

        void expect(String token) throws ParseException {
            if (!take(token)) throw new ParseException("expected '" + token + "'", pos);
        }

        boolean peek(char c) { return pos < s.length() && s.charAt(pos) == c; }

        void skipSpace() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }
    }
}
