package dev.layerlint.maven;

import dev.layerlint.text.ControlCharacters;
import org.apache.maven.plugin.logging.Log;

/** Maven's log with control characters escaped in every message, so that no user text can forge a log line. */
final class EscapingLog implements Log {

    private final Log log;

    EscapingLog(Log log) {
        this.log = log;
    }

    private static String safe(CharSequence content) {
        return ControlCharacters.escape(content == null ? "null" : content);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(safe(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(safe(content), error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(safe(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(safe(content), error);
    }

    @Override
    public void info(Throwable error) {
        log.info(error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(safe(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(safe(content), error);
    }

    @Override
    public void warn(Throwable error) {
        log.warn(error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(safe(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(safe(content), error);
    }

    @Override
    public void error(Throwable error) {
        log.error(error);
    }
}
