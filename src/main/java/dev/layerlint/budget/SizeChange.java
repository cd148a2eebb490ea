package dev.layerlint.budget;

/** A signed difference in bytes, e.g. growth against the baseline; prints as {@code +1.2MB} or {@code -300kB}. */
public record SizeChange(long bytes) implements Measure {

    @Override
    public String toString() {
        String magnitude = new ByteSize(Math.abs(bytes)).toString();
        return bytes < 0 ? "-" + magnitude : "+" + magnitude;
    }
}
