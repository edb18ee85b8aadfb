package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.FunctionContract;

/**
 * Where a Receiver's function serves its webhook, and whether that path is the credential (for
 * providers that cannot sign), in which case status shows it redacted and the function derives
 * it from its token instead of reading it from the pod spec.
 */
record WebhookPath(String path, boolean credential) {

    /** What status may show to everyone who can read the Receiver. */
    String published() {
        return credential ? FunctionContract.REDACTED_PATH : path;
    }

    /** The full URL at Knative's address: what to register at the provider. */
    String url(String serviceUrl) {
        return withoutTrailingSlash(serviceUrl) + path;
    }

    /** The URL as status may show it. */
    String publishedUrl(String serviceUrl) {
        return withoutTrailingSlash(serviceUrl) + published();
    }

    /** Never the path itself where it is a credential, should it reach a log line. */
    @Override
    public String toString() {
        return "webhook path " + published();
    }

    private static String withoutTrailingSlash(String serviceUrl) {
        return serviceUrl.replaceAll("/+$", "");
    }
}
