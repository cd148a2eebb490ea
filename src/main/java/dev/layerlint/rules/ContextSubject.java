package dev.layerlint.rules;

import dev.layerlint.context.ContextScan;
import dev.layerlint.dockerfile.Dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile's build context, as context rules see it.
 *
 * @param dockerfilePath the Dockerfile as shown in findings (relative to the project base directory)
 * @param dockerfile     the parsed Dockerfile; empty when it does not parse (the lint goal reports why)
 * @param scan           what the context sends and what its ignore file keeps out
 * @param ignoreFilePath the applied ignore file as shown in findings; empty when there is none
 */
public record ContextSubject(String dockerfilePath, Optional<Dockerfile> dockerfile, ContextScan scan,
        Optional<String> ignoreFilePath) {

    public ContextSubject {
        Objects.requireNonNull(dockerfilePath, "dockerfilePath");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(ignoreFilePath, "ignoreFilePath");
    }
}
