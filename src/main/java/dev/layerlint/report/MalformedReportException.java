package dev.layerlint.report;

import java.io.IOException;

/** A {@code <goal>.json} report that does not have the report contract's shape; the message names file and field. */
public final class MalformedReportException extends IOException {

    public MalformedReportException(String message) {
        super(message);
    }
}
