package dev.layerlint.image;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the image config's {@code history}, as {@code docker history} lists it.
 *
 * @param createdBy  the instruction that made it, e.g. {@code /bin/sh -c #(nop)  CMD ["sh"]}; empty when not recorded
 * @param emptyLayer true when the step changed only the config (ENV, CMD, …) and made no layer
 */
public record History(Optional<String> created, String createdBy, Optional<String> comment, boolean emptyLayer) {
    public History {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
