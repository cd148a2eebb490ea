package dev.layerlint.budget;

/** A budget parameter has a value that cannot be understood, or the baseline file cannot be read or written. */
public final class BudgetException extends Exception {

    private static final long serialVersionUID = 1L;

    public BudgetException(String message) {
        super(message);
    }

    public BudgetException(String message, Throwable cause) {
        super(message, cause);
    }
}
