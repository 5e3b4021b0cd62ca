package org.mianshen.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule tree that cannot be used: never produces a partial result. */
public class RuleTreeException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleTreeException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rule tree:\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() { return problems; }
}
