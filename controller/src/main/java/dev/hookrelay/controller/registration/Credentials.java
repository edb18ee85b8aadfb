package dev.hookrelay.controller.registration;

import io.micronaut.core.annotation.Nullable;

/**
 * What the credentials Secret holds: an access token (with a user name for HTTP basic auth), or
 * a GitHub App. Read by the controller only, never printed: toString names the Secret alone.
 */
record Credentials(String secretName, @Nullable String token, @Nullable String username,
                   @Nullable GitHubApp app) {

    /** A GitHub App installation: the app signs a JWT with its private key to get installation tokens. */
    record GitHubApp(String appId, String installationId, String privateKeyPem) {
        @Override
        public String toString() {
            return "GitHub App " + appId + " installation " + installationId;
        }
    }

    @Override
    public String toString() {
        return "credentials in Secret " + secretName;
    }
}
