package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values set under keys by the instructions of each stage, looked up as they stand just before an instruction:
 * in the stage itself, else in the stages it builds on (its lineage). A lookup costs a binary search per stage of
 * the lineage that sets anything, so asking at every instruction of a Dockerfile stays about linear in its size,
 * however many instructions, values and stages it has.
 *
 * @param <V> the values
 */
final class LineageIndex<V> {

    /** The values one stage sets, and the nearest stage of its lineage that sets any. */
    private static final class Frame<V> {
        final Optional<Frame<V>> inherited;
        final Map<String, Versions<V>> values = new HashMap<>();

        Frame(Optional<Frame<V>> inherited) {
            this.inherited = inherited;
        }
    }

    /** The values of one key, in the order of the instructions that set them. */
    private static final class Versions<V> {
        final List<Integer> indexes = new ArrayList<>();
        final List<V> values = new ArrayList<>();

        /** The last value set before {@code index}. */
        Optional<V> before(int index) {
            int low = 0;
            int high = indexes.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (indexes.get(mid) < index) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low == 0 ? Optional.empty() : Optional.of(values.get(low - 1));
        }
    }

    private final Map<Integer, Frame<V>> frames = new HashMap<>();

    /** Starts a stage; stages must be entered in order, each after the stages before it are complete. */
    void enter(Stage stage) {
        frames.put(stage.index(), new Frame<>(stage.parentStage().map(frames::get)
                .flatMap(parent -> parent.values.isEmpty() ? parent.inherited : Optional.of(parent))));
    }

    /** Sets {@code key} at instruction {@code index} of an entered stage; indexes must not decrease within a stage. */
    void put(int stage, int index, String key, V value) {
        Versions<V> versions = frames.get(stage).values.computeIfAbsent(key, k -> new Versions<>());
        versions.indexes.add(index);
        versions.values.add(value);
    }

    /** The value of {@code key} as it stands before instruction {@code index} of the stage. */
    Optional<V> before(int stage, int index, String key) {
        Optional<Frame<V>> frame = Optional.of(frames.get(stage));
        int before = index;
        while (frame.isPresent()) {
            Versions<V> versions = frame.get().values.get(key);
            Optional<V> value = versions == null ? Optional.empty() : versions.before(before);
            if (value.isPresent()) {
                return value;
            }
            frame = frame.get().inherited;
            before = Integer.MAX_VALUE;
        }
        return Optional.empty();
    }
}
