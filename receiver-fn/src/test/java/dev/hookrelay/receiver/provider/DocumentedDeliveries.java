package dev.hookrelay.receiver.provider;


import java.util.stream.Stream;

/** One or more deliveries per provider, with the headers and payloads each documents. */
final class DocumentedDeliveries {
    private DocumentedDeliveries() {
    }

    static Stream<Delivery> all() {
        return Stream.of(
                githubPush(), githubPing(), githubPush().asForm(),
                giteaFamily("gitea", "Gitea"), giteaFamily("forgejo", "Forgejo"), giteaFamily("gogs", "Gogs"),
                giteaFamily("gitea", "Gitea").asForm().auth(Auth.hmacOfFormPayload("X-Gitea-Signature")),
                gitlabPush(),
                bitbucketPush(),
                bitbucketServerRefsChanged(),
                azureDevOpsGitPush(),
                harborPushArtifact(),
                nexusComponent(),
                dockerhubPush(), quayPush(), acrPush(),
                genericPlainText(), genericNoContentType(),
                genericHmac("sha1", "HmacSHA1"), genericHmac("sha256", "HmacSHA256"), genericHmac("sha512", "HmacSHA512"),
                cdeventsBinarySigned(), cdeventsStructuredBearer());
    }

    static Delivery githubPush() {
        return Delivery.of("github push", "github", "github-push.json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
                .header("X-GitHub-Hook-ID", "109948940")
                .auth(Auth.hmac("X-Hub-Signature-256", "sha256=", "HmacSHA256"))
                .expect(new DeliveryDescription("72d3162e-cc78-11e3-81ab-4c9367dc0958", "push", "stefanprodan/podinfo",
                        "refs/heads/main", "59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5", null, null, "octocat", null));
    }

    static Delivery githubPing() {
        return Delivery.of("github ping", "github", "github-ping.json")
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", "9c7e1e2a-5f3b-11ef-8d6e-0a1b2c3d4e5f")
                .auth(Auth.hmac("X-Hub-Signature-256", "sha256=", "HmacSHA256"))
                .expect(new DeliveryDescription("9c7e1e2a-5f3b-11ef-8d6e-0a1b2c3d4e5f", "ping", "stefanprodan/podinfo",
                        null, null, null, null, "octocat", null));
    }

    /** Gitea, Forgejo and Gogs send the same payload; only the header names differ. */
    static Delivery giteaFamily(String type, String product) {
        return Delivery.of(type + " push", type, "gitea-push.json")
                .header("X-" + product + "-Event", "push")
                .header("X-" + product + "-Delivery", "f6266f16-1bf3-46a5-9ea4-602e06ead473")
                .auth(Auth.hmac("X-" + product + "-Signature", "", "HmacSHA256"))
                .expect(new DeliveryDescription("f6266f16-1bf3-46a5-9ea4-602e06ead473", "push", "gitea/webhooks",
                        "refs/heads/develop", "bffeb74224043ba2feb48d137756c8a9331c449a", null, null, "gitea", null));
    }

    static Delivery gitlabPush() {
        return Delivery.of("gitlab push", "gitlab", "gitlab-push.json")
                .header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e")
                .header("X-Gitlab-Instance", "https://gitlab.example.com")
                .auth(Auth.token("X-Gitlab-Token", ""))
                .expect(new DeliveryDescription("13792a34-cac6-4fda-95a8-c58e00a3954e", "Push Hook", "mike/diaspora",
                        "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null, null, "jsmith", null));
    }

    static Delivery bitbucketPush() {
        return Delivery.of("bitbucket push", "bitbucket", "bitbucket-push.json")
                .header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", "7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .header("X-Hook-UUID", "{d1f8e2b4-6c3a-4e5f-9b7d-1a2c3e4f5a6b}")
                .header("X-Attempt-Number", "1")
                .auth(Auth.hmac("X-Hub-Signature", "sha256=", "HmacSHA256"))
                .expect(new DeliveryDescription("7c9e6679-7425-40de-944b-e07fc1f90ae7", "repo:push", "acme/storefront",
                        "main", "0e1e4d4b2f8a3c7d9e0f1a2b3c4d5e6f7a8b9c0d", null, null, "ada", null));
    }

    static Delivery bitbucketServerRefsChanged() {
        return Delivery.of("bitbucket-server refs_changed", "bitbucket-server", "bitbucket-server-refs-changed.json")
                .header("X-Event-Key", "repo:refs_changed")
                .header("X-Request-Id", "d1b6a4c5-8e2f-4a3b-9c7d-0e1f2a3b4c5d")
                .auth(Auth.hmac("X-Hub-Signature", "sha256=", "HmacSHA256"))
                .expect(new DeliveryDescription("d1b6a4c5-8e2f-4a3b-9c7d-0e1f2a3b4c5d", "repo:refs_changed", "PROJ/repository",
                        "refs/heads/master", "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", null, null, "admin", null));
    }

    static Delivery azureDevOpsGitPush() {
        return Delivery.of("azure-devops git.push", "azure-devops", "azure-devops-git-push.json")
                .mediaType("application/json")
                .auth(Auth.basic("hookrelay"))
                .expect(new DeliveryDescription("03c164c2-8912-4d5e-8009-3707d5f83734", "git.push", "Fabrikam-Fiber-Git",
                        "refs/heads/master", "33b55f7cb7e7e245323987634f960cf4a6e6bc74", null, null,
                        "fabrikamfiber4@hotmail.com", null));
    }

    static Delivery harborPushArtifact() {
        return Delivery.of("harbor PUSH_ARTIFACT", "harbor", "harbor-push-artifact.json")
                .auth(Auth.token("Authorization", ""))
                .expect(new DeliveryDescription(null, "PUSH_ARTIFACT", "library/nginx", null,
                        "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4",
                        "harbor.example.com/library/nginx:1.25.4", "1.25.4", "admin", null));
    }

    static Delivery nexusComponent() {
        return Delivery.of("nexus component", "nexus", "nexus-component.json")
                .header("X-Nexus-Webhook-Id", "rm:repository:component")
                .header("X-Nexus-Webhook-Delivery", "7f9ae2b1-31c0-4c4e-8e3a-9d5f1b2c3a4e")
                .auth(Auth.hmac("X-Nexus-Webhook-Signature", "", "HmacSHA1"))
                .expect(new DeliveryDescription("7f9ae2b1-31c0-4c4e-8e3a-9d5f1b2c3a4e", "rm:repository:component",
                        "docker-hosted", null, null, "team/api", "2.3.1", "deployer", "CREATED"));
    }

    static Delivery dockerhubPush() {
        return Delivery.of("dockerhub push", "dockerhub", "dockerhub-push.json")
                .expect(new DeliveryDescription(null, "push", "svendowideit/testhook", null, null,
                        "svendowideit/testhook", "latest", "trustedbuilder", null));
    }

    static Delivery quayPush() {
        return Delivery.of("quay push", "quay", "quay-push.json")
                .expect(new DeliveryDescription(null, "push", "mynamespace/repository", null, null,
                        "quay.io/mynamespace/repository", "v1.4.0", null, null));
    }

    static Delivery acrPush() {
        return Delivery.of("acr push", "acr", "acr-push.json")
                .expect(new DeliveryDescription("cb8c3971-9adc-488b-9b3a-43cbb4974ff5", "push", "hello-world", null,
                        "sha256:80f0d5c8786bb9e621a45ece0db56d11cdc624ad20da9fe62e9d25490f331d7d",
                        "myregistry.azurecr.io/hello-world", "v1", null, null));
    }

    static Delivery genericPlainText() {
        return Delivery.withBody("generic text/plain", "generic", "deploy api to staging\n")
                .mediaType("text/plain")
                .header("X-Request-Id", "ci-run-4711")
                .auth(Auth.token("Authorization", "Bearer "))
                .unparsed()
                .expect(DeliveryDescription.of("ci-run-4711", "generic"));
    }

    static Delivery genericNoContentType() {
        return Delivery.withBody("generic without Content-Type", "generic", "")
                .mediaType("")
                .auth(Auth.token("Authorization", "Bearer "))
                .unparsed()
                .expect(DeliveryDescription.of(null, "generic"));
    }

    static Delivery genericHmac(String prefix, String algorithm) {
        return Delivery.withBody("generic-hmac " + prefix, "generic-hmac", "{\"release\":\"v2.3.1\"}")
                .auth(Auth.hmac("X-Signature", prefix + "=", algorithm))
                .unparsed()
                .expect(DeliveryDescription.of(null, "generic"));
    }

    /** Binary mode: CloudEvent attributes in ce- headers, the CDEvent as the body. */
    static Delivery cdeventsBinarySigned() {
        return Delivery.of("cdevents binary, X-Signature", "cdevents", "cdevent-change-merged.json")
                .header("ce-specversion", "1.0")
                .header("ce-id", "271069a8-fc18-44f1-b38f-9d70a1695819")
                .header("ce-source", "https://github.com/cdevents/spec")
                .header("ce-type", "dev.cdevents.change.merged.0.2.0")
                .header("ce-subject", "pull/1234")
                .auth(Auth.hmac("X-Signature", "sha256=", "HmacSHA256"))
                .expect(new DeliveryDescription("271069a8-fc18-44f1-b38f-9d70a1695819", "dev.cdevents.change.merged.0.2.0",
                        "cdevents/spec", "pull/1234", null, null, null, null, "merged"));
    }

    /** Structured mode: the whole CloudEvent as the body, the CDEvent in data. */
    static Delivery cdeventsStructuredBearer() {
        return Delivery.of("cdevents structured, Bearer", "cdevents", "cloudevent-artifact-published.json")
                .mediaType("application/cloudevents+json")
                .auth(Auth.token("Authorization", "Bearer "))
                .expect(new DeliveryDescription("5f1f2a3e-9c1d-4d1a-8b2e-0a6c3f1e2d4b",
                        "dev.cdevents.artifact.published.0.2.0", null, null, null,
                        "pkg:oci/api@sha256%3A0b2c6ec1e5c2?repository_url=ghcr.io/acme/api", null, null, "published"));
    }
}
