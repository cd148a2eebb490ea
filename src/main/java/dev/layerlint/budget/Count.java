package dev.layerlint.budget;

/** A number of things, e.g. layers. */
public record Count(long value) implements Measure {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
