package dev.layerlint.shell;

import java.util.List;

/** Reads shell options as given to {@code set} or to the shell itself. */
final class ShellOptions {

    private ShellOptions() {
    }

    /** True when {@code args} ({@code -o pipefail}, {@code -euxo pipefail}) leave {@code pipefail} on. */
    static boolean enablesPipefail(List<String> args) {
        boolean on = false;
        for (int i = 0; i + 1 < args.size(); i++) {
            String arg = args.get(i);
            boolean option = (arg.startsWith("-") || arg.startsWith("+")) && !arg.startsWith("--") && arg.length() > 1;
            if (option && arg.endsWith("o") && args.get(i + 1).equals("pipefail")) {
                on = arg.startsWith("-");
                i++;
            }
        }
        return on;
    }
}
