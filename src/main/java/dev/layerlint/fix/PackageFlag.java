package dev.layerlint.fix;

import dev.layerlint.fix.Fix.Refused;
import dev.layerlint.shell.CommandList;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.ShellReader;

import java.util.ArrayList;
import java.util.List;

/** Adds a flag to every call of a package manager's subcommand in a RUN, and checks each rewritten command. */
final class PackageFlag {

    private PackageFlag() {
    }

    /**
     * Inserts {@code flag} after the subcommand word of each call of {@code manager} {@code subcommand} in the RUN that
     * has neither {@code flag} nor {@code alternative}. Each rewritten command is read again: it must make the same
     * call with the flag added, and nothing else.
     */
    static Proposal.Change add(FixTarget.RunScript run, PackageManager manager, String subcommand, String flag,
            String alternative, String what) throws Refused {
        List<Edit> edits = new ArrayList<>();
        for (CommandList.Command command : run.list().commands()) {
            for (PackageManagerCall call : run.calls(command)) {
                if (call.manager() != manager || !call.subcommand().equals(subcommand) || call.hasOption(flag, alternative)) {
                    continue;
                }
                if (call.hasOption("--cache-dir")) {
                    throw new Refused(what + " chooses its cache with --cache-dir; decide by hand whether it may go");
                }
                CommandList.Word word = command.firstWord(subcommand, 1).orElseThrow(() -> new Refused(
                        what + " is nested in another command (`sh -c`, `xargs`, a substitution) or quoted; add " + flag + " by hand"));
                String text = run.text(command);
                int at = word.end() - command.start();
                String rewritten = text.substring(0, at) + " " + flag + text.substring(at);
                List<PackageManagerCall> reread = ShellReader.read(rewritten).packageManagerCalls();
                boolean same = reread.size() == 1 && reread.get(0).manager() == manager
                        && reread.get(0).subcommand().equals(subcommand)
                        && reread.get(0).operands().equals(call.operands())
                        && reread.get(0).options().size() == call.options().size() + 1
                        && reread.get(0).hasOption(flag);
                if (!same) {
                    throw new Refused(what + ": adding " + flag + " after `" + subcommand + "` would change how the command reads");
                }
                edits.add(run.insertAfter(word, " " + flag));
            }
        }
        if (edits.isEmpty()) {
            throw new Refused(what + ": every call in the RUN already has " + flag);
        }
        return new Proposal.Change(edits, "added " + flag + " to " + calls(edits.size(), manager, subcommand));
    }

    /** {@code pip install}, or {@code 2 pip install commands}, for the log. */
    private static String calls(int count, PackageManager manager, String subcommand) {
        String name = manager.name().toLowerCase(java.util.Locale.ROOT) + " " + subcommand;
        return count == 1 ? name : count + " " + name + " commands";
    }
}
