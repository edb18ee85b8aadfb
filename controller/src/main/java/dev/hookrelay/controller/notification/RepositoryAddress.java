package dev.hookrelay.controller.notification;

import java.net.URI;

/**
 * A Git repository's web address split into the host (scheme://host[:port]) and the path
 * without .git, as the commit status types take it: https://github.com/org/repo.
 */
record RepositoryAddress(String host, String path) {

    static RepositoryAddress of(ProviderEndpoint endpoint, int minSegments) throws NotifierException {
        URI uri = endpoint.addressUri();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "").replaceAll("\\.git$", "");
        if (path.split("/").length < minSegments || path.isEmpty()) {
            throw new NotifierException("the address of Provider " + endpoint.key() + " must be the repository's URL, "
                    + "for example https://" + uri.getHost() + "/org/repository");
        }
        String scheme = "ssh".equals(uri.getScheme()) ? "https" : uri.getScheme();
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        return new RepositoryAddress(scheme + "://" + uri.getHost() + port, path);
    }

    String[] segments() {
        return path.split("/");
    }

    String first() {
        return segments()[0];
    }

    String last() {
        String[] segments = segments();
        return segments[segments.length - 1];
    }
}
