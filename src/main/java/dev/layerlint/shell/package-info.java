/**
 * Reads the script of a Dockerfile {@code RUN} instruction the way a POSIX {@code sh} splits it, so
 * that rules ask questions about commands instead of searching text.
 *
 * <p>{@link dev.layerlint.shell.ShellReader} turns a shell-form script (or an exec-form argv) into a
 * {@link dev.layerlint.shell.ShellScript}: every {@link dev.layerlint.shell.SimpleCommand} in execution
 * order, flattened out of lists, pipelines, subshells, groups, {@code if}/{@code for}/{@code while}/{@code case},
 * command substitutions, {@code sh -c} bodies and {@code xargs}; with wrappers such as {@code sudo} or
 * {@code env} unwrapped. On top of that it recognises package-manager invocations
 * ({@link dev.layerlint.shell.PackageManagerCall}) and file removals ({@code rm}, {@code find -delete}).
 * Variables are never expanded: {@code $VAR} stays as written.
 *
 * <p>Limits, by design: no expansion of variables, aliases, globs or braces ({@code rm -rf /tmp/{a,b}} removes
 * {@code /tmp/{a,b}} as written); called functions are not followed (their bodies are read once, as
 * conditional commands); a {@code case} written inside {@code $( )} ends the substitution at its first
 * pattern's {@code )}; commands run by {@code find -exec} are not commands of their own (their removals are
 * recognised through {@code find}).
 */
package dev.layerlint.shell;
