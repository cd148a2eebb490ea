package dev.layerlint.dockerfile;

/** A word whose variable expansion goes past a limit of {@link ExpansionBudget}; the message says which. */
public final class ExpansionLimitException extends RuntimeException {

    ExpansionLimitException(String message) {
        super(message, null, false, false);
    }

    static ExpansionLimitException tooLong(long limit) {
        return new ExpansionLimitException("expands to more than " + limit + " characters");
    }
}
