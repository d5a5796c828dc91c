package io.twinsync.orchestrator.cli;

import java.io.PrintWriter;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Builds the picocli command line with commands created by Spring, and runs it. */
@Component
public class TwinsyncCommandLine {

    private final ApplicationContext context;

    public TwinsyncCommandLine(ApplicationContext context) {
        this.context = context;
    }

    public int execute(String... args) {
        return build(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    /** A command line writing to the given streams; tests capture output this way. */
    public CommandLine build(PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return context.getBeanProvider(type).getIfAvailable(() -> {
                    try {
                        return CommandLine.defaultFactory().create(type);
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot create " + type.getName(), e);
                    }
                });
            }
        };
        CliExitCodes exitCodes = new CliExitCodes();
        return new CommandLine(TwinsyncCommand.class, factory)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new CliExceptionHandler(exitCodes))
                .setExitCodeExceptionMapper(exitCodes);
    }
}
