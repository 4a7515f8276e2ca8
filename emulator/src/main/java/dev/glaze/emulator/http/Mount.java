package dev.glaze.emulator.http;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A part of the URL space: requests whose first path segment passes {@code firstSegment} go to {@code router}, with
 * the path rewritten by {@code rewrite} (e.g. {@code /v2.1/images} to {@code /v2/images}). When {@code authenticated},
 * the {@link Authenticator} decides who is asking before any route runs.
 */
public record Mount(Predicate<String> firstSegment, UnaryOperator<String> rewrite, Router router,
        boolean authenticated) {
}
