package dev.layerlint.maven;

import org.apache.maven.plugin.logging.Log;

import java.util.ArrayList;
import java.util.List;

/**
 * A goal's console output, held back and printed as one block when the goal ends, so that under
 * {@code mvn -T} one module's findings and image table are not interleaved with another's. In a
 * multi-module build the goal's own lines ({@code layerlint: …}, {@code layerlint:lint: …}) name the module.
 */
final class ConsoleBlock implements Log {

    /** One lock for every module of the build: they share the plugin's class realm. */
    private static final Object PRINTING = new Object();

    private enum Level { DEBUG, INFO, WARN, ERROR }

    private record Line(Level level, CharSequence text, Throwable error) {
    }

    private final Log target;
    private final String module;
    private final List<Line> lines = new ArrayList<>();

    /**
     * @param target where the block is printed
     * @param module the module's name to put after {@code layerlint}, empty outside a multi-module build
     */
    ConsoleBlock(Log target, String module) {
        this.target = target;
        this.module = module;
    }

    /** Prints the held lines as one block, and forgets them. */
    void flush() {
        List<Line> held;
        synchronized (lines) {
            held = List.copyOf(lines);
            lines.clear();
        }
        synchronized (PRINTING) {
            for (Line line : held) {
                print(line.level(), labelled(line.text()), line.error());
            }
        }
    }

    private void print(Level level, CharSequence text, Throwable error) {
        if (error == null) {
            switch (level) {
                case DEBUG -> target.debug(text);
                case INFO -> target.info(text);
                case WARN -> target.warn(text);
                case ERROR -> target.error(text);
            }
            return;
        }
        switch (level) {
            case DEBUG -> target.debug(text, error);
            case INFO -> target.info(text, error);
            case WARN -> target.warn(text, error);
            case ERROR -> target.error(text, error);
        }
    }

    /** {@code layerlint: x} as {@code layerlint [orders]: x}, {@code layerlint:lint: x} as {@code layerlint:lint [orders]: x}. */
    private CharSequence labelled(CharSequence text) {
        String line = String.valueOf(text);
        if (module.isEmpty() || !line.startsWith("layerlint")) {
            return line;
        }
        int colon = line.indexOf(": ");
        int space = line.indexOf(' ');
        if (colon < 0 || (space >= 0 && space < colon)) {
            return line;
        }
        return line.substring(0, colon) + " [" + module + "]" + line.substring(colon);
    }

    private void hold(Level level, CharSequence text, Throwable error) {
        synchronized (lines) {
            lines.add(new Line(level, text == null ? "" : text, error));
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        if (target.isDebugEnabled()) {
            hold(Level.DEBUG, content, null);
        }
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        if (target.isDebugEnabled()) {
            hold(Level.DEBUG, content, error);
        }
    }

    @Override
    public void debug(Throwable error) {
        debug("", error);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        hold(Level.INFO, content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        hold(Level.INFO, content, error);
    }

    @Override
    public void info(Throwable error) {
        hold(Level.INFO, "", error);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        hold(Level.WARN, content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        hold(Level.WARN, content, error);
    }

    @Override
    public void warn(Throwable error) {
        hold(Level.WARN, "", error);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        hold(Level.ERROR, content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        hold(Level.ERROR, content, error);
    }

    @Override
    public void error(Throwable error) {
        hold(Level.ERROR, "", error);
    }
}
