package dev.layerlint.image;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path spelling inside layers: absolute, {@code /}-separated, no {@code .}/{@code ..}, no trailing slash. */
public final class LayerPaths {

    private LayerPaths() {
    }

    /** {@code ./usr/bin/}, {@code usr/bin} and {@code /usr//bin} all become {@code /usr/bin}; the root is {@code /}. */
    public static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
    }

    /** Where a symbolic link in directory {@code parent} with {@code target} points. */
    static String resolveLink(String parent, String target) {
        return target.startsWith("/") ? normalize(target) : normalize(parent + "/" + target);
    }
}
