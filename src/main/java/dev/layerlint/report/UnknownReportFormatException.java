package dev.layerlint.report;

/** A report format name that layerlint does not know; the message lists the ones it does. */
public final class UnknownReportFormatException extends Exception {

    public UnknownReportFormatException(String format, String known) {
        super("unknown report format '" + format + "'; known formats: " + known);
    }
}
