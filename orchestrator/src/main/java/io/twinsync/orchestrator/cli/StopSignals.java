package io.twinsync.orchestrator.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SIGTERM and Ctrl-C (SIGINT) as a request to stop, for a command that must let its work end before the process
 * does. The JVM's own handling of them starts its shutdown at once: its hooks run, in which Spring and H2 close the
 * databases a running batch still uses, and it exits 143 or 130. The first signal instead calls the command's stop
 * and hands the signals back to the JVM, so that a second one ends the process at once.
 *
 * <p>The JDK has no public API for signals; {@code sun.misc.Signal}, in module {@code jdk.unsupported} and exported on
 * every JDK since 9, is the one there is. It is reached reflectively because javac warns of it at every use, with no
 * way to suppress the warning.
 */
final class StopSignals implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final Method handle;
    /** The handlers the JVM had, by signal: given back after the first signal, or on close. */
    private final Map<Object, Object> before = new LinkedHashMap<>();

    private StopSignals(Method handle) {
        this.handle = handle;
    }

    /**
     * Makes SIGTERM and SIGINT call {@code stop} (once) instead of ending the process.
     *
     * @throws ReflectiveOperationException when this JVM has no {@code sun.misc.Signal}, or refuses a handler (as it
     *     does when started with {@code -Xrs})
     */
    static StopSignals install(Runnable stop) throws ReflectiveOperationException {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        StopSignals installed = new StopSignals(signalType.getMethod("handle", signalType, handlerType));
        Object handler = Proxy.newProxyInstance(
                StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "handle" -> {
                            installed.close();
                            stop.run();
                            return null;
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            return "twinsync stop on " + SIGNALS;
                        }
                    }
                });
        try {
            for (String name : SIGNALS) {
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                installed.before.put(signal, installed.handle.invoke(null, signal, handler));
            }
        } catch (ReflectiveOperationException e) {
            installed.close();
            throw e;
        }
        return installed;
    }

    /** Gives the signals back to the JVM. */
    @Override
    public synchronized void close() {
        before.forEach((signal, handler) -> {
            try {
                handle.invoke(null, signal, handler);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot give signal " + signal + " back to the JVM", e);
            }
        });
        before.clear();
    }
}
