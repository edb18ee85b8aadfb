/**
 * The Java model of the {@code hookrelay.dev/v1alpha1} API. The CRD YAML under
 * {@code META-INF/hookrelay/crds} is the source of truth; these classes follow it
 * (a test proves they agree) and serialize with client-java's Gson.
 */
package dev.hookrelay.api;
