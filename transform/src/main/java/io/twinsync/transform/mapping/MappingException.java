package io.twinsync.transform.mapping;

import java.util.List;

/**
 * The mapping is wrong: it cannot be read, it does not fit the DTDL models, or it names columns the staged rows do
 * not have. The message lists every problem found, one per line, each naming the entity and key at fault.
 */
public class MappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    public MappingException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The mapping file (a path or {@code classpath:...}). */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder message = new StringBuilder("The mapping ")
                .append(source)
                .append(" has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append("; fix ")
                .append(problems.size() == 1 ? "it" : "them")
                .append(" and run again:");
        problems.forEach(p -> message.append("\n  - ").append(p));
        return message.toString();
    }
}
