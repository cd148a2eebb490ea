package dev.layerlint.budget;

/** A figure a budget limits or measures; {@code toString()} is how reports print it. */
public sealed interface Measure permits ByteSize, Percent, Count, SizeChange {
}
