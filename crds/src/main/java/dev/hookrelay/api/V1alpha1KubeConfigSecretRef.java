package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** A key of a Secret, in the Relay's namespace, that holds a kubeconfig. */
public class V1alpha1KubeConfigSecretRef {
    public static final String DEFAULT_KEY = "kubeconfig";

    @SerializedName("name")
    private String name;
    @SerializedName("key")
    private String key;

    public String getName() {
        return name;
    }

    public V1alpha1KubeConfigSecretRef name(String name) {
        this.name = name;
        return this;
    }

    public String getKey() {
        return key == null || key.isEmpty() ? DEFAULT_KEY : key;
    }

    public V1alpha1KubeConfigSecretRef key(String key) {
        this.key = key;
        return this;
    }
}
