package dev.hookrelay.controller.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Names from the spec, made safe as parts of a URL path. */
final class Paths {
    private Paths() {
    }

    /** One path segment: a slash in it is encoded (GitLab's "group/project" ids, Bitbucket's {uuid}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "owner/name" as two segments. */
    static String segments(String value) {
        return Arrays.stream(value.split("/")).map(Paths::segment).collect(Collectors.joining("/"));
    }
}
