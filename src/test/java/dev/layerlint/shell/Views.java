package dev.layerlint.shell;

import java.util.List;

/** One property of every command of a script, in order, for compact assertions. */
final class Views {

    private Views() {
    }

    static List<List<String>> words(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::words).toList();
    }

    static List<String> programs(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::program).toList();
    }

    static List<Integer> lines(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::line).toList();
    }

    static List<Connector> connectors(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::connector).toList();
    }

    static List<Origin> origins(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::origin).toList();
    }

    static List<Boolean> conditionals(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::conditional).toList();
    }
}
